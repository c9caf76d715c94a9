package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.ScorePlugin;

/**
 * Prefers nodes whose cpu and memory would be used in equal shares, so that neither is stranded:
 * 100 × (1 − the standard deviation of the two fractions), as upstream's NodeResourcesBalancedAllocation.
 */
final class BalancedAllocation implements ScorePlugin {

  static final String NAME = "NodeResourcesBalancedAllocation";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(PodInfo pod, NodeInfo node) {
    double cpu = fraction(node.scoringRequested().milliCpu() + pod.scoringRequests().milliCpu(),
        node.allocatable().milliCpu());
    double memory = fraction(node.scoringRequested().memory() + pod.scoringRequests().memory(),
        node.allocatable().memory());
    return balance(cpu, memory);
  }

  /** For two values the standard deviation is half their distance. */
  static long balance(double cpuFraction, double memoryFraction) {
    double deviation = Math.abs(cpuFraction - memoryFraction) / 2;
    return (long) ((1 - deviation) * MAX_SCORE);
  }

  static double fraction(long requested, long capacity) {
    return capacity <= 0 ? 1 : Math.min(1, (double) requested / capacity);
  }
}
