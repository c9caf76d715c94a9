package io.kubeboot.reconciler.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.kubeboot.reconciler.runtime.TemplateHash;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A StatefulSet's revisions and status, as upstream's {@code computeReplicaStatus} and
 * {@code completeRollingUpdate}: pods are counted by readiness and by revision, and once a rolling
 * update has every pod updated and ready, the update revision becomes the current one.
 * {@code kubectl rollout status} compares readyReplicas, updatedReplicas and the two revisions.
 */
final class StatefulSetStatuses {

  private StatefulSetStatuses() {
  }

  /** Upstream names a revision {@code <set>-<hash of the template>}; it is the pods' controller-revision-hash. */
  static String updateRevision(StatefulSet set) {
    Integer collisions = set.getStatus() == null ? null : set.getStatus().getCollisionCount();
    return set.getMetadata().getName() + "-"
        + TemplateHash.of(set.getSpec().getTemplate(), collisions == null ? 0 : collisions);
  }

  /** The revision recorded as current, or the update revision for a set that has none yet. */
  static String currentRevision(StatefulSet set, String updateRevision) {
    String recorded = set.getStatus() == null ? null : set.getStatus().getCurrentRevision();
    return recorded == null || recorded.isEmpty() ? updateRevision : recorded;
  }

  static StatefulSetStatus calculate(StatefulSet set, Collection<Pod> pods, String currentRevision,
      String updateRevision, Instant now) {
    int minReadySeconds = set.getSpec().getMinReadySeconds() == null ? 0 : set.getSpec().getMinReadySeconds();
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int current = 0;
    int updated = 0;
    for (Pod pod : pods) {
      replicas++;
      if (StatefulPods.runningAndReady(pod)) {
        ready++;
        if (StatefulPods.runningAndAvailable(pod, minReadySeconds, now)) {
          available++;
        }
      }
      if (!StatefulPods.terminating(pod)) {
        String revision = StatefulPods.revision(pod);
        current += currentRevision.equals(revision) ? 1 : 0;
        updated += updateRevision.equals(revision) ? 1 : 0;
      }
    }
    StatefulSetStatus old = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
    StatefulSetStatusBuilder status = new StatefulSetStatusBuilder(old)
        .withObservedGeneration(set.getMetadata().getGeneration()).withReplicas(replicas).withReadyReplicas(ready)
        .withAvailableReplicas(available).withCurrentReplicas(current).withUpdatedReplicas(updated)
        .withCurrentRevision(currentRevision).withUpdateRevision(updateRevision);
    boolean rollingUpdate = set.getSpec().getUpdateStrategy() == null
        || !"OnDelete".equals(set.getSpec().getUpdateStrategy().getType());
    if (rollingUpdate && updated == replicas && ready == replicas) {
      status.withCurrentReplicas(updated).withCurrentRevision(updateRevision);
    }
    return status.build();
  }

  /** Whether writing {@code status} changes what the object shows; an absent counter reads as 0, as upstream's omitempty. */
  static boolean differs(StatefulSet set, StatefulSetStatus status) {
    StatefulSetStatus current = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
    return !fields(current).equals(fields(status));
  }

  private static List<Object> fields(StatefulSetStatus status) {
    return java.util.Arrays.asList(zero(status.getReplicas()), zero(status.getReadyReplicas()),
        zero(status.getAvailableReplicas()), zero(status.getCurrentReplicas()), zero(status.getUpdatedReplicas()),
        status.getCurrentRevision(), status.getUpdateRevision(), status.getObservedGeneration());
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
