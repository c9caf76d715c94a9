package io.kubeboot.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Taint;
import io.kubeboot.common.scheduling.Tolerations;
import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;

/** A pod goes only where it tolerates every NoSchedule and NoExecute taint (PreferNoSchedule is a preference). */
final class TaintToleration implements FilterPlugin {

  static final String NAME = "TaintToleration";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    for (Taint taint : node.schedulingTaints()) {
      if (!Tolerations.tolerates(pod.pod().getSpec().getTolerations(), taint)) {
        return Status.unresolvable(NAME, "node(s) had untolerated taint {%s: %s}"
            .formatted(taint.getKey(), taint.getValue() == null ? "" : taint.getValue()));
      }
    }
    return Status.success();
  }
}
