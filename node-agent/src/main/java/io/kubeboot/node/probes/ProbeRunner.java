package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Probe;
import io.kubeboot.node.runtime.DockerRuntime;
import java.time.Duration;

/** Runs one attempt of a probe with whichever handler it names. */
class ProbeRunner {

  private final HttpGetProber http = new HttpGetProber();
  private final TcpSocketProber tcp = new TcpSocketProber();
  private final ExecProber exec;

  ProbeRunner(DockerRuntime runtime) {
    this.exec = new ExecProber(runtime);
  }

  ProbeOutcome run(Probe probe, ProbeTarget target, Duration timeout) {
    if (probe.getHttpGet() != null) {
      return http.probe(probe.getHttpGet(), target, timeout);
    }
    if (probe.getTcpSocket() != null) {
      return tcp.probe(probe.getTcpSocket(), target, timeout);
    }
    if (probe.getExec() != null) {
      return exec.probe(probe.getExec(), target, timeout);
    }
    if (probe.getGrpc() != null) {
      return ProbeOutcome.error("grpc probes are not supported by this node");
    }
    return ProbeOutcome.error("probe has no handler");
  }
}
