package io.kubeboot.scheduler.plugins;

import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Resources;
import io.kubeboot.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;

/** The pod's requests must fit in what the node's allocatable leaves after its pods' requests. */
final class NodeResourcesFit implements FilterPlugin {

  static final String NAME = "NodeResourcesFit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    if (fits(pod.requests(), node.requested(), node.allocatable())) {
      return Status.success();
    }
    List<String> reasons = insufficient(pod.requests(), node.requested(), node.allocatable());
    // preemption could free the room, so this is resolvable (unlike a selector mismatch)
    return reasons.isEmpty() ? Status.success() : Status.unschedulable(NAME, reasons);
  }

  /** Whether nothing is insufficient; asked of hundreds of nodes per pod, so it allocates nothing. */
  static boolean fits(Resources wanted, Resources requested, Resources allocatable) {
    return requested.pods() + 1 <= allocatable.pods()
        && (wanted.milliCpu() <= 0 || wanted.milliCpu() <= allocatable.milliCpu() - requested.milliCpu())
        && (wanted.memory() <= 0 || wanted.memory() <= allocatable.memory() - requested.memory());
  }

  /**
   * What does not fit, in upstream's words and order: pods first, then cpu, then memory. A
   * resource the pod does not request never fails, even on an overcommitted node.
   */
  static List<String> insufficient(Resources wanted, Resources requested, Resources allocatable) {
    List<String> reasons = new ArrayList<>(3);
    if (requested.pods() + 1 > allocatable.pods()) {
      reasons.add("Too many pods");
    }
    if (wanted.milliCpu() > 0 && wanted.milliCpu() > allocatable.milliCpu() - requested.milliCpu()) {
      reasons.add("Insufficient cpu");
    }
    if (wanted.memory() > 0 && wanted.memory() > allocatable.memory() - requested.memory()) {
      reasons.add("Insufficient memory");
    }
    return reasons;
  }
}
