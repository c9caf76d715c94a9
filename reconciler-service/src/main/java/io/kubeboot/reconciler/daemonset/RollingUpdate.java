package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kubeboot.reconciler.runtime.IntOrPercent;
import io.kubeboot.reconciler.runtime.Pods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's DaemonSet rolling update without surge: old pods are deleted (and the node plan then
 * creates their replacements) while no more than {@code maxUnavailable} eligible nodes lack an
 * available up-to-date pod. An old pod that is not available anyway is replaced at once.
 */
final class RollingUpdate {

  private RollingUpdate() {
  }

  /** Upstream's default is 1; a percentage is of the nodes that should run the pod, rounded up; never below 1. */
  static int maxUnavailable(DaemonSet ds, int desiredNumberScheduled) {
    var strategy = ds.getSpec().getUpdateStrategy();
    IntOrString value = strategy == null || strategy.getRollingUpdate() == null
        || strategy.getRollingUpdate().getMaxUnavailable() == null ? new IntOrString(1)
        : strategy.getRollingUpdate().getMaxUnavailable();
    return Math.max(1, IntOrPercent.scaled(value, desiredNumberScheduled, true));
  }

  static boolean enabled(DaemonSet ds) {
    var strategy = ds.getSpec().getUpdateStrategy();
    return strategy == null || strategy.getType() == null || "RollingUpdate".equals(strategy.getType());
  }

  /**
   * The old pods to delete now, given the pods on each node that should run one.
   *
   * @param podsOnEligibleNodes the pods targeting each node that should run a daemon pod
   */
  static List<Pod> oldPodsToDelete(Map<String, List<Pod>> podsOnEligibleNodes, String hash,
      Optional<String> templateGeneration, int maxUnavailable, int minReadySeconds, Instant now) {
    int unavailable = 0;
    List<Pod> notAvailable = new ArrayList<>();
    List<Pod> candidates = new ArrayList<>();
    for (List<Pod> pods : podsOnEligibleNodes.values()) {
      Pod newPod = null;
      Pod oldPod = null;
      boolean ambiguous = false;
      for (Pod pod : pods) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
          continue;
        }
        if (DaemonPods.updated(pod, hash, templateGeneration)) {
          ambiguous |= newPod != null;
          newPod = pod;
        } else {
          ambiguous |= oldPod != null;
          oldPod = pod;
        }
      }
      if (ambiguous || (newPod == null) == (oldPod == null)) {
        unavailable++; // the node plan creates or deletes here first
      } else if (newPod != null) {
        if (!Pods.available(newPod, minReadySeconds, now)) {
          unavailable++;
        }
      } else if (!Pods.available(oldPod, minReadySeconds, now)) {
        notAvailable.add(oldPod);
      } else if (unavailable < maxUnavailable) {
        candidates.add(oldPod);
      }
    }
    int budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.size()));
    candidates.sort(NodePlan.OLDEST_FIRST);
    List<Pod> delete = new ArrayList<>(notAvailable);
    delete.addAll(candidates.subList(0, budget));
    return delete;
  }
}
