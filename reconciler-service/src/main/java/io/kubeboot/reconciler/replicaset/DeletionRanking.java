package io.kubeboot.reconciler.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.reconciler.runtime.Pods;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which a shrinking ReplicaSet (or a Job with too many active pods) gives up pods,
 * after upstream's {@code ActivePods} ranking: a pod that costs the least to lose goes first.
 * Unscheduled before scheduled, pending before running, not ready before ready, then the most
 * recently created (it has served least).
 */
public final class DeletionRanking {

  public static final Comparator<Pod> FIRST_TO_DELETE = Comparator
      .comparing((Pod pod) -> pod.getSpec() != null && pod.getSpec().getNodeName() != null)
      .thenComparing(pod -> phaseRank(pod))
      .thenComparing(Pods::ready)
      .thenComparing(DeletionRanking::created, Comparator.reverseOrder());

  private DeletionRanking() {
  }

  private static int phaseRank(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (phase == null || "Unknown".equals(phase)) {
      return 0;
    }
    return "Pending".equals(phase) ? 1 : 2;
  }

  private static Instant created(Pod pod) {
    String timestamp = pod.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
  }
}
