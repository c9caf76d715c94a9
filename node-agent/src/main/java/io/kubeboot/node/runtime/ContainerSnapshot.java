package io.kubeboot.node.runtime;

/**
 * A container as Docker's list call reports it: enough to notice that it changed state, not
 * enough to compute a status (that takes {@link PodContainer}).
 *
 * @param state Docker's word for it: created, running, exited, ...
 */
public record ContainerSnapshot(String id, String podUid, String name, String state) {

  public boolean running() {
    return "running".equals(state);
  }

  public boolean sandbox() {
    return Labels.SANDBOX.equals(name);
  }
}
