package io.kubeboot.scheduler.framework;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of one node and the pods on it (bound and assumed), as one scheduling cycle
 * sees it. The cache builds a new one on every change, so a cycle needs no lock while it filters.
 * What the filters ask of the node itself is worked out once per change of the Node (a change of
 * its pods keeps it, {@link #withPods}), not per pod filtered: a cycle filters hundreds of nodes,
 * and walking each one's fabric8 objects again took most of its time.
 *
 * @param labels the node's labels, never null
 * @param ready whether its Ready condition is True
 * @param unschedulable whether it is cordoned ({@code spec.unschedulable})
 * @param schedulingTaints its NoSchedule and NoExecute taints: those a pod must tolerate
 * @param requested the sum of the pods' requests (its pod count included)
 * @param scoringRequested the same with upstream's non-zero defaults, for scoring
 */
public record NodeInfo(Node node, Map<String, String> labels, boolean ready, boolean unschedulable,
    List<Taint> schedulingTaints, Resources allocatable, Resources requested, Resources scoringRequested,
    List<PodInfo> pods, List<HostPort> usedPorts) {

  public static NodeInfo of(Node node, Collection<PodInfo> pods) {
    Resources allocatable = node.getStatus() == null ? Resources.NONE
        : Resources.of(node.getStatus().getAllocatable() == null || node.getStatus().getAllocatable().isEmpty()
            ? node.getStatus().getCapacity() : node.getStatus().getAllocatable());
    Map<String, String> labels = node.getMetadata().getLabels();
    boolean unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
        : node.getSpec().getTaints().stream()
            .filter(taint -> "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect()))
            .toList();
    return new NodeInfo(node, labels == null ? Map.of() : Map.copyOf(labels), isReady(node), unschedulable, taints,
        allocatable, Resources.NONE, Resources.NONE, List.of(), List.of()).withPods(pods);
  }

  /** The same node with {@code pods} on it: what was worked out about the node itself is kept. */
  public NodeInfo withPods(Collection<PodInfo> pods) {
    Resources requested = Resources.NONE;
    Resources scoring = Resources.NONE;
    List<HostPort> ports = new ArrayList<>();
    for (PodInfo pod : pods) {
      requested = requested.plus(pod.requests());
      scoring = scoring.plus(pod.scoringRequests());
      ports.addAll(pod.hostPorts());
    }
    return new NodeInfo(node, labels, ready, unschedulable, schedulingTaints, allocatable, requested, scoring,
        List.copyOf(pods), List.copyOf(ports));
  }

  public String name() {
    return node.getMetadata().getName();
  }

  private static boolean isReady(Node node) {
    if (node.getStatus() == null) {
      return false;
    }
    for (NodeCondition condition : node.getStatus().getConditions()) {
      if ("Ready".equals(condition.getType())) {
        return "True".equals(condition.getStatus());
      }
    }
    return false;
  }
}
