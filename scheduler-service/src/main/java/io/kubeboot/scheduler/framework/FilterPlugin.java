package io.kubeboot.scheduler.framework;

/**
 * Decides whether a pod may run on a node. Must be pure: the same pod and node give the same status,
 * with no side effects, so the framework may call it from any thread, in any order, or not at all.
 */
public interface FilterPlugin extends Plugin {

  /** {@link Status#success()} when the node fits; otherwise why not, as the reasons users read. */
  Status filter(PodInfo pod, NodeInfo node);

  /**
   * Upstream's PreFilter answering {@code Skip}: true when this filter would pass every node for
   * {@code pod} (a pod without a node selector or affinity, without host ports), so that the cycle
   * does not ask it about each of the hundreds of nodes it filters.
   */
  default boolean skips(PodInfo pod) {
    return false;
  }
}
