package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One step of a Deployment's strategy over its new and old ReplicaSets, after upstream's
 * {@code rolloutRolling} and {@code rolloutRecreate}. Each method scales at most one direction and
 * says whether it changed anything; the next step waits for the ReplicaSets' status to move.
 */
final class Rollout {

  private final Deployment d;
  private final ReplicaSet newRs;
  private final List<ReplicaSet> old;
  private final ReplicaSetScaler scaler;

  Rollout(Deployment d, ReplicaSet newRs, List<ReplicaSet> old, ReplicaSetScaler scaler) {
    this.d = d;
    this.newRs = newRs;
    this.old = old;
    this.scaler = scaler;
  }

  /** RollingUpdate: grow the new ReplicaSet within maxSurge, else shrink old ones within maxUnavailable. */
  boolean rollingUpdate() {
    List<ReplicaSet> all = all();
    int replicas = RolloutMath.replicas(d);
    if (newRs != null) {
      int target = RolloutMath.specReplicas(newRs) > replicas ? replicas
          : RolloutMath.newReplicaSetReplicas(d, all, newRs);
      if (scaler.scale(d, newRs, target)) {
        return true;
      }
    }
    return scaleDownOld(all);
  }

  /** Recreate: every old pod gone before the new ReplicaSet scales up. */
  boolean recreate() {
    boolean scaled = false;
    for (ReplicaSet rs : old) {
      scaled |= RolloutMath.specReplicas(rs) > 0 && scaler.scale(d, rs, 0);
    }
    if (scaled || old.stream().anyMatch(rs -> RolloutMath.statusReplicas(rs) > 0) || newRs == null) {
      return scaled;
    }
    return scaler.scale(d, newRs, RolloutMath.replicas(d));
  }

  /**
   * A paused Deployment is only scaled: the one active (or else the latest) ReplicaSet follows the
   * desired count. With several active ones the proportional split upstream does is not done here;
   * they settle when the rollout resumes.
   */
  boolean scaleOnly() {
    List<ReplicaSet> active = all().stream().filter(rs -> RolloutMath.specReplicas(rs) > 0).toList();
    ReplicaSet target = active.size() == 1 ? active.get(0)
        : active.isEmpty() ? (newRs != null ? newRs : old.isEmpty() ? null : old.get(old.size() - 1)) : null;
    return target != null && scaler.scale(d, target, RolloutMath.replicas(d));
  }

  private boolean scaleDownOld(List<ReplicaSet> all) {
    int oldPods = old.stream().mapToInt(RolloutMath::specReplicas).sum();
    if (oldPods == 0) {
      return false;
    }
    int minAvailable = RolloutMath.replicas(d) - RolloutMath.fenceposts(d).maxUnavailable();
    int allPods = all.stream().mapToInt(RolloutMath::specReplicas).sum();
    int newUnavailable = newRs == null ? 0 : RolloutMath.specReplicas(newRs) - RolloutMath.available(newRs);
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    List<ReplicaSet> oldestFirst = new ArrayList<>(old);
    oldestFirst.sort(Comparator.comparing((ReplicaSet rs) -> rs.getMetadata().getCreationTimestamp()));
    boolean scaled = false;
    // first the pods that are not available anyway: losing them costs no availability
    List<ReplicaSet> remaining = new ArrayList<>();
    for (ReplicaSet rs : oldestFirst) {
      int unhealthy = RolloutMath.specReplicas(rs) - RolloutMath.available(rs);
      int cut = Math.min(Math.max(0, unhealthy), maxScaledDown);
      if (cut > 0 && scaler.scale(d, rs, RolloutMath.specReplicas(rs) - cut)) {
        maxScaledDown -= cut;
        scaled = true;
      } else {
        remaining.add(rs);
      }
    }
    if (scaled) {
      return true; // the next round sees the scaled ReplicaSets' new counts
    }
    int available = all.stream().mapToInt(RolloutMath::available).sum();
    int totalScaleDown = Math.min(available - minAvailable, maxScaledDown);
    for (ReplicaSet rs : remaining) {
      if (totalScaleDown <= 0) {
        break;
      }
      int cut = Math.min(RolloutMath.specReplicas(rs), totalScaleDown);
      if (cut > 0 && scaler.scale(d, rs, RolloutMath.specReplicas(rs) - cut)) {
        totalScaleDown -= cut;
        scaled = true;
      }
    }
    return scaled;
  }

  private List<ReplicaSet> all() {
    List<ReplicaSet> all = new ArrayList<>(old);
    if (newRs != null) {
      all.add(newRs);
    }
    return all;
  }
}
