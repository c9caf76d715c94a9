package io.kubeboot.scheduler.plugins;

import io.kubeboot.common.scheduling.Tolerations;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubeboot.common.scheduling.Tolerations;
import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;
import java.util.List;
import java.util.Optional;

/** A pod goes only where it tolerates every NoSchedule and NoExecute taint (PreferNoSchedule is a preference). */
final class TaintToleration implements FilterPlugin {

  static final String NAME = "TaintToleration";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    List<Taint> taints = node.node().getSpec() == null ? List.of() : node.node().getSpec().getTaints();
    return firstUntolerated(taints, pod.pod().getSpec().getTolerations())
        .map(taint -> Status.unresolvable(NAME, "node(s) had untolerated taint {%s: %s}"
            .formatted(taint.getKey(), taint.getValue() == null ? "" : taint.getValue())))
        .orElse(Status.success());
  }

  static Optional<Taint> firstUntolerated(List<Taint> taints,
      List<Toleration> tolerations) {
    return Tolerations.firstUntolerated(taints, tolerations,
        taint -> "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect()));
  }
}
