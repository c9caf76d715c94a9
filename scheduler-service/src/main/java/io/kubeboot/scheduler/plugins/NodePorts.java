package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.HostPort;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;
import java.util.List;

/** A host port can be held by one pod per node (per protocol and overlapping address). */
final class NodePorts implements FilterPlugin {

  static final String NAME = "NodePorts";
  static final String REASON = "node(s) didn't have free ports for the requested pod ports";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean skips(PodInfo pod) {
    return pod.hostPorts().isEmpty();
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    // evicting the holder would free the port: resolvable
    return conflicts(pod.hostPorts(), node.usedPorts()) ? Status.unschedulable(NAME, List.of(REASON)) : Status.success();
  }

  static boolean conflicts(List<HostPort> wanted, List<HostPort> used) {
    for (HostPort port : wanted) {
      for (HostPort taken : used) {
        if (port.conflictsWith(taken)) {
          return true;
        }
      }
    }
    return false;
  }
}
