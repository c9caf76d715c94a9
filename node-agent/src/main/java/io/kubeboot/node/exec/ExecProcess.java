package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.HijackedStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A Docker exec created for {@code kubectl exec}; it ends with the process's exit code. */
final class ExecProcess implements RemoteProcess {

  /** The stream can end a moment before the engine records the exit code: ask again, 100 ms apart. */
  private static final int EXIT_CODE_POLLS = 50;

  private final DockerRuntime runtime;
  private final String execId;
  private final List<String> command;
  private final boolean tty;

  ExecProcess(DockerRuntime runtime, String execId, List<String> command, boolean tty) {
    this.runtime = runtime;
    this.execId = execId;
    this.command = command;
    this.tty = tty;
  }

  @Override
  public HijackedStream attach() throws IOException {
    return runtime.startExec(execId, tty);
  }

  @Override
  public Status outcome() {
    try {
      Optional<Integer> exitCode = runtime.execExitCode(execId);
      for (int attempt = 0; exitCode.isEmpty() && attempt < EXIT_CODE_POLLS; attempt++) {
        Thread.sleep(100);
        exitCode = runtime.execExitCode(execId);
      }
      if (exitCode.isEmpty()) {
        return ExecStatus.internalError("error executing command in container: exit code unknown");
      }
      return exitCode.get() == 0 ? ExecStatus.success() : ExecStatus.exitCode(command, exitCode.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExecStatus.internalError("error executing command in container: interrupted");
    } catch (RuntimeException e) {
      return ExecStatus.internalError("error executing command in container: " + e.getMessage());
    }
  }

  @Override
  public void resize(int width, int height) {
    runtime.resizeExec(execId, width, height);
  }

  @Override
  public String name() {
    return "exec-" + execId.substring(0, Math.min(12, execId.length()));
  }
}
