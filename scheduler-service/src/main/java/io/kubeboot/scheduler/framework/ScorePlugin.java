package io.kubeboot.scheduler.framework;

import java.util.List;

/**
 * Ranks the nodes that passed every filter. After {@link #normalize}, every score lies in
 * [{@link #MIN_SCORE}, {@link #MAX_SCORE}]; the framework sums them, each times its weight.
 */
public interface ScorePlugin extends Plugin {

  long MIN_SCORE = 0;
  long MAX_SCORE = 100;

  /** The node's raw score for the pod; already 0–100 unless the plugin overrides {@link #normalize}. */
  long score(PodInfo pod, NodeInfo node);

  /** Rewrites the raw scores of all feasible nodes (in {@code nodes} order) into 0–100, in place. */
  default void normalize(PodInfo pod, List<NodeInfo> nodes, long[] scores) {
  }

  /** How much this plugin counts against the others. */
  default int weight() {
    return 1;
  }
}
