package io.kubeboot.scheduler.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a pod fits no node: the failing status of every node. Its message is upstream's
 * FailedScheduling text, a histogram of reasons sorted as strings:
 * {@code 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {key: value}.
 * preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.}
 *
 * @param totalNodes how many nodes the cluster has
 * @param nodeStatuses the failing status of each node, by node name
 */
public record Diagnosis(int totalNodes, Map<String, Status> nodeStatuses) {

  static final String NO_NODES = "no nodes available to schedule pods";

  public Diagnosis {
    nodeStatuses = Map.copyOf(nodeStatuses);
  }

  public String message() {
    if (totalNodes == 0) {
      return NO_NODES;
    }
    Map<String, Integer> histogram = new TreeMap<>();
    for (Status status : nodeStatuses.values()) {
      for (String reason : status.reasons()) {
        histogram.merge(reason, 1, Integer::sum);
      }
    }
    List<String> counted = new ArrayList<>();
    histogram.forEach((reason, count) -> counted.add(count + " " + reason));
    counted.sort(null);
    // kubeboot does not preempt: for every node, preemption is reported as not helping
    return "0/%d nodes are available: %s. preemption: 0/%d nodes are available: %d Preemption is not helpful for scheduling."
        .formatted(totalNodes, String.join(", ", counted), totalNodes, totalNodes);
  }
}
