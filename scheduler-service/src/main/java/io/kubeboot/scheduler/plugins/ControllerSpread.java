package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.ScorePlugin;
import java.util.List;

/**
 * Spreads the pods of one controller (ReplicaSet, StatefulSet, ...) across nodes, like upstream's
 * former SelectorSpread: the raw score counts the controller's pods on the node, and normalizing
 * gives the nodes with the fewest the highest score.
 */
final class ControllerSpread implements ScorePlugin {

  static final String NAME = "ControllerSpread";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(PodInfo pod, NodeInfo node) {
    if (pod.controllerUid().isEmpty()) {
      return 0;
    }
    return node.pods().stream().filter(other -> pod.controllerUid().equals(other.controllerUid())).count();
  }

  @Override
  public void normalize(PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    spread(scores);
  }

  /** Counts become 100 × (most − count) / most; all 100 when no node has any. */
  static void spread(long[] counts) {
    long most = 0;
    for (long count : counts) {
      most = Math.max(most, count);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = most == 0 ? MAX_SCORE : MAX_SCORE * (most - counts[i]) / most;
    }
  }

  @Override
  public int weight() {
    // as upstream weighs pod spreading above the resource scores
    return 2;
  }
}
