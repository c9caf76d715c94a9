package io.kubeboot.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Taint;
import io.kubeboot.common.scheduling.Tolerations;
import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;

/** Keeps pods off cordoned nodes ({@code spec.unschedulable}) unless they tolerate the cordon's taint. */
final class NodeUnschedulable implements FilterPlugin {

  static final String NAME = "NodeUnschedulable";
  static final String REASON = "node(s) were unschedulable";
  /** The taint kubectl cordon stands for; a pod tolerating it (a DaemonSet's) may still go there. */
  private static final Taint CORDON = new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    if (node.unschedulable() && !Tolerations.tolerates(pod.pod().getSpec().getTolerations(), CORDON)) {
      return Status.unresolvable(NAME, REASON);
    }
    return Status.success();
  }
}
