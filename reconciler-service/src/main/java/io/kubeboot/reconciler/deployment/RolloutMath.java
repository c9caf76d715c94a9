package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubeboot.reconciler.runtime.IntOrPercent;
import java.util.List;

/**
 * The arithmetic of a rolling update, after upstream's deployment util: how far above the desired
 * count the new ReplicaSet may grow (maxSurge, rounded up) and how far below it availability may
 * fall (maxUnavailable, rounded down); both default to 25% and are never both zero.
 */
final class RolloutMath {

  record Fenceposts(int maxSurge, int maxUnavailable) {
  }

  private static final IntOrString DEFAULT = new IntOrString("25%");

  private RolloutMath() {
  }

  static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  static boolean recreate(Deployment d) {
    return d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
  }

  static Fenceposts fenceposts(Deployment d) {
    IntOrString surge = DEFAULT;
    IntOrString unavailable = DEFAULT;
    if (d.getSpec().getStrategy() != null && d.getSpec().getStrategy().getRollingUpdate() != null) {
      var rolling = d.getSpec().getStrategy().getRollingUpdate();
      surge = rolling.getMaxSurge() == null ? DEFAULT : rolling.getMaxSurge();
      unavailable = rolling.getMaxUnavailable() == null ? DEFAULT : rolling.getMaxUnavailable();
    }
    int desired = replicas(d);
    int maxSurge = IntOrPercent.scaled(surge, desired, true);
    int maxUnavailable = IntOrPercent.scaled(unavailable, desired, false);
    // both zero would deadlock the rollout: allow one unavailable pod, as upstream
    return new Fenceposts(maxSurge, maxSurge == 0 && maxUnavailable == 0 ? 1 : maxUnavailable);
  }

  /** How many pods may be unavailable while the Deployment still counts as Available. */
  static int maxUnavailable(Deployment d) {
    if (recreate(d) || replicas(d) == 0) {
      return 0;
    }
    return Math.min(fenceposts(d).maxUnavailable(), replicas(d));
  }

  /** The replicas the new ReplicaSet should have now: as many as the surge allows, up to the desired count. */
  static int newReplicaSetReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRs) {
    int current = newRs == null ? 0 : specReplicas(newRs);
    if (recreate(d)) {
      return replicas(d);
    }
    int maxTotal = replicas(d) + fenceposts(d).maxSurge();
    int total = all.stream().mapToInt(RolloutMath::specReplicas).sum();
    if (total >= maxTotal) {
      return current;
    }
    return current + Math.max(0, Math.min(maxTotal - total, replicas(d) - current));
  }

  static int specReplicas(ReplicaSet rs) {
    return rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
  }

  static int statusReplicas(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
  }

  static int available(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0
        : rs.getStatus().getAvailableReplicas();
  }

  static int ready(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas();
  }
}
