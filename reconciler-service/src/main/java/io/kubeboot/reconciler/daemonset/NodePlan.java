package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's {@code podsShouldBeOnNode} over all nodes: the nodes that need a daemon pod, and the
 * pods to delete. A node that should run one and has none (not even one still terminating) gets
 * one; of several live pods the oldest stays; failed and succeeded pods go, to be replaced; a node
 * the pod may no longer stay on loses its pods; a pod waiting for a node that is gone goes too.
 */
record NodePlan(List<String> nodesNeedingPods, List<Pod> podsToDelete, List<Pod> failedPods) {

  static final Comparator<Pod> OLDEST_FIRST = Comparator.comparing(NodePlan::created)
      .thenComparing(pod -> pod.getMetadata().getName());

  boolean isEmpty() {
    return nodesNeedingPods.isEmpty() && podsToDelete.isEmpty();
  }

  static NodePlan of(Map<String, NodeEligibility> nodes, Map<String, List<Pod>> podsByNode) {
    List<String> needing = new ArrayList<>();
    List<Pod> delete = new ArrayList<>();
    List<Pod> failed = new ArrayList<>();
    nodes.forEach((node, eligibility) -> {
      List<Pod> pods = podsByNode.getOrDefault(node, List.of());
      if (eligibility.shouldRun() && pods.isEmpty()) {
        needing.add(node);
      } else if (eligibility.shouldContinueRunning()) {
        List<Pod> running = new ArrayList<>();
        for (Pod pod : pods) {
          if (pod.getMetadata().getDeletionTimestamp() != null) {
            continue;
          }
          String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
          if ("Failed".equals(phase)) {
            failed.add(pod);
            delete.add(pod);
          } else if ("Succeeded".equals(phase)) {
            delete.add(pod);
          } else {
            running.add(pod);
          }
        }
        running.sort(OLDEST_FIRST);
        delete.addAll(running.subList(Math.min(1, running.size()), running.size()));
      } else {
        pods.stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).forEach(delete::add);
      }
    });
    Set<String> existing = nodes.keySet();
    podsByNode.forEach((node, pods) -> {
      if (!existing.contains(node)) {
        pods.stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null
            && (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty())).forEach(delete::add);
      }
    });
    return new NodePlan(List.copyOf(needing), List.copyOf(delete), List.copyOf(failed));
  }

  private static Instant created(Pod pod) {
    String timestamp = pod.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
  }
}
