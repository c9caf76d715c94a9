package io.kubeboot.reconciler.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.kubeboot.common.selector.LabelSelector;
import io.kubeboot.reconciler.runtime.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ReplicaSet's status computed from its active pods, and when it will next change by itself. */
final class ReplicaSetStatuses {

  /** The status, and how long until a ready pod turns available (minReadySeconds), if any is waiting. */
  record Calculated(ReplicaSetStatus status, Optional<Duration> recheckAfter) {
  }

  private ReplicaSetStatuses() {
  }

  static Calculated calculate(ReplicaSet rs, List<Pod> activePods, Instant now) {
    Map<String, String> templateLabels = rs.getSpec().getTemplate() == null
        || rs.getSpec().getTemplate().getMetadata() == null ? Map.of()
        : rs.getSpec().getTemplate().getMetadata().getLabels();
    LabelSelector fullyLabeled = LabelSelector.fromSet(templateLabels == null ? Map.of() : templateLabels);
    int labeled = 0;
    Availability availability = new Availability(rs.getSpec().getMinReadySeconds(), now);
    for (Pod pod : activePods) {
      if (fullyLabeled.matches(pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels())) {
        labeled++;
      }
      availability.count(pod);
    }
    ReplicaSetStatus status = new ReplicaSetStatusBuilder()
        .withReplicas(activePods.size()).withFullyLabeledReplicas(labeled).withReadyReplicas(availability.ready())
        .withAvailableReplicas(availability.available()).withObservedGeneration(rs.getMetadata().getGeneration())
        .withConditions(rs.getStatus() == null ? List.of() : rs.getStatus().getConditions())
        .build();
    return new Calculated(status, availability.recheckAfter());
  }

  /** Whether writing {@code status} would change what the object shows (counts and generation). */
  static boolean differs(ReplicaSet rs, ReplicaSetStatus status) {
    ReplicaSetStatus current = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    return !eq(current.getReplicas(), status.getReplicas())
        || !eq(current.getFullyLabeledReplicas(), status.getFullyLabeledReplicas())
        || !eq(current.getReadyReplicas(), status.getReadyReplicas())
        || !eq(current.getAvailableReplicas(), status.getAvailableReplicas())
        || !java.util.Objects.equals(current.getObservedGeneration(), status.getObservedGeneration());
  }

  private static boolean eq(Integer a, Integer b) {
    return (a == null ? 0 : a) == (b == null ? 0 : b);
  }
}
