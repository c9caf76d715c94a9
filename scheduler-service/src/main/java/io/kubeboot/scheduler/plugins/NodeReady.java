package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;

/**
 * Keeps pods off nodes whose Ready condition is not True. Upstream leaves this to the not-ready
 * taint the node lifecycle controller adds; checking the condition too protects a cluster that has
 * no such controller running yet.
 */
final class NodeReady implements FilterPlugin {

  static final String NAME = "NodeReady";
  static final String REASON = "node(s) were not ready";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    return node.ready() ? Status.success() : Status.unresolvable(NAME, REASON);
  }
}
