package io.kubeboot.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
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
    return isReady(node.node()) ? Status.success() : Status.unresolvable(NAME, REASON);
  }

  static boolean isReady(Node node) {
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
