package io.kubeboot.node.probes;

import com.github.dockerjava.api.exception.DockerException;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.ExecResult;
import java.time.Duration;

/** {@code exec}: the command run in the container (docker exec); exit code 0 is success, as upstream. */
final class ExecProber {

  private final DockerRuntime runtime;

  ExecProber(DockerRuntime runtime) {
    this.runtime = runtime;
  }

  ProbeOutcome probe(ExecAction action, ProbeTarget target, Duration timeout) {
    if (action.getCommand().isEmpty()) {
      return ProbeOutcome.error("exec probe has no command");
    }
    ExecResult result;
    try {
      result = runtime.exec(target.containerId(), action.getCommand(), timeout);
    } catch (DockerException e) {
      return ProbeOutcome.error(e.getMessage());
    }
    if (result.timedOut()) {
      return ProbeOutcome.failure("command \"" + String.join(" ", action.getCommand()) + "\" timed out");
    }
    // what the command printed is the probe's output, as upstream reports it
    return result.exitCode() == 0 ? ProbeOutcome.success(result.output()) : ProbeOutcome.failure(result.output());
  }
}
