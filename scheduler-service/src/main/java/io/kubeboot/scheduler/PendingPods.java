package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Pod;

/** Which pods this scheduler is to place, and which already take room on a node. */
final class PendingPods {

  private final String schedulerName;

  PendingPods(String schedulerName) {
    this.schedulerName = schedulerName;
  }

  /** Not bound, not going away, not finished, and asking for this scheduler (or for none). */
  boolean isPendingForUs(Pod pod) {
    String wanted = pod.getSpec().getSchedulerName();
    return !isBound(pod) && pod.getMetadata().getDeletionTimestamp() == null && !isTerminal(pod)
        && (wanted == null || wanted.isEmpty() || wanted.equals(schedulerName));
  }

  static boolean isBound(Pod pod) {
    return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
  }

  /** A finished pod no longer takes room on its node. */
  static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
