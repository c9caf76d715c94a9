package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.ScorePlugin;

/** Prefers the node with the most cpu and memory left after placing the pod (upstream's default strategy). */
final class LeastAllocated implements ScorePlugin {

  static final String NAME = "NodeResourcesLeastAllocated";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(PodInfo pod, NodeInfo node) {
    long cpu = free(node.scoringRequested().milliCpu() + pod.scoringRequests().milliCpu(), node.allocatable().milliCpu());
    long memory = free(node.scoringRequested().memory() + pod.scoringRequests().memory(), node.allocatable().memory());
    return (cpu + memory) / 2;
  }

  /** The share left free, 0–100; nothing when the request exceeds capacity or there is none. */
  static long free(long requested, long capacity) {
    if (capacity <= 0 || requested > capacity) {
      return MIN_SCORE;
    }
    return (capacity - requested) * MAX_SCORE / capacity;
  }
}
