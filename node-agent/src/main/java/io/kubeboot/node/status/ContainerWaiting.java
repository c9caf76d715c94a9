package io.kubeboot.node.status;

/** Why a container is not running now, decided by the sync (upstream's waiting reasons). */
public record ContainerWaiting(String reason, String message) {

  public static ContainerWaiting of(String reason) {
    return new ContainerWaiting(reason, null);
  }
}
