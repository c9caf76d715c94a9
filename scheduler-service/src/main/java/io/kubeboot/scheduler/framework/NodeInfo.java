package io.kubeboot.scheduler.framework;

import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable view of one node and the pods on it (bound and assumed), as one scheduling cycle
 * sees it. The cache builds a new one on every change, so a cycle needs no lock while it filters.
 *
 * @param requested the sum of the pods' requests (its pod count included)
 * @param scoringRequested the same with upstream's non-zero defaults, for scoring
 */
public record NodeInfo(Node node, Resources allocatable, Resources requested, Resources scoringRequested,
    List<PodInfo> pods, List<HostPort> usedPorts) {

  public static NodeInfo of(Node node, Collection<PodInfo> pods) {
    Resources requested = Resources.NONE;
    Resources scoring = Resources.NONE;
    List<HostPort> ports = new ArrayList<>();
    for (PodInfo pod : pods) {
      requested = requested.plus(pod.requests());
      scoring = scoring.plus(pod.scoringRequests());
      ports.addAll(pod.hostPorts());
    }
    Resources allocatable = node.getStatus() == null ? Resources.NONE
        : Resources.of(node.getStatus().getAllocatable() == null || node.getStatus().getAllocatable().isEmpty()
            ? node.getStatus().getCapacity() : node.getStatus().getAllocatable());
    return new NodeInfo(node, allocatable, requested, scoring, List.copyOf(pods), List.copyOf(ports));
  }

  public String name() {
    return node.getMetadata().getName();
  }
}
