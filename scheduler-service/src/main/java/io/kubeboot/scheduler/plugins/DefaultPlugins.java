package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.PluginRegistry;
import java.util.List;

/** The in-tree plugins and the default profile's order: upstream's filter order, which
 * decides the one reason each node reports. */
public final class DefaultPlugins {

  private DefaultPlugins() {
  }

  public static PluginRegistry registry() {
    return new PluginRegistry()
        .register(NodeUnschedulable.NAME, NodeUnschedulable::new)
        .register(NodeReady.NAME, NodeReady::new)
        .register(TaintToleration.NAME, TaintToleration::new)
        .register(NodeAffinity.NAME, NodeAffinity::new)
        .register(NodePorts.NAME, NodePorts::new)
        .register(NodeResourcesFit.NAME, NodeResourcesFit::new)
        .register(LeastAllocated.NAME, LeastAllocated::new)
        .register(BalancedAllocation.NAME, BalancedAllocation::new)
        .register(ControllerSpread.NAME, ControllerSpread::new);
  }

  /** Every registered plugin, in registration order. */
  public static List<String> enabled() {
    return registry().names();
  }
}
