package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.HijackedStream;
import java.io.IOException;

/**
 * A running container's own process for {@code kubectl attach}: its output from now on, until it
 * exits. Containers are created without an open stdin or a tty, so stdin reaches nothing.
 */
final class AttachedContainer implements RemoteProcess {

  private final DockerRuntime runtime;
  private final String containerId;
  private final boolean stdin;
  private final boolean stdout;
  private final boolean stderr;
  private final boolean tty;

  AttachedContainer(DockerRuntime runtime, String containerId, boolean stdin, boolean stdout, boolean stderr,
      boolean tty) {
    this.runtime = runtime;
    this.containerId = containerId;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.tty = tty;
  }

  @Override
  public HijackedStream attach() throws IOException {
    return runtime.attach(containerId, stdin, stdout, stderr, tty);
  }

  /** The attachment ended because the container did: that is a normal end, as for the kubelet. */
  @Override
  public Status outcome() {
    return ExecStatus.success();
  }

  @Override
  public void resize(int width, int height) {
    runtime.resizeContainer(containerId, width, height);
  }

  @Override
  public String name() {
    return "attach-" + containerId.substring(0, Math.min(12, containerId.length()));
  }
}
