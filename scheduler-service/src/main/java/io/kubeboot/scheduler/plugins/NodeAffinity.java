package io.kubeboot.scheduler.plugins;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.kubeboot.common.scheduling.RequiredNodeAffinity;
import io.kubeboot.scheduler.framework.FilterPlugin;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Status;
import java.util.Map;

/** The pod's {@code nodeSelector} and its required node affinity must both match the node. */
final class NodeAffinity implements FilterPlugin {

  static final String NAME = "NodeAffinity";
  static final String REASON = "node(s) didn't match Pod's node affinity/selector";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean skips(PodInfo pod) {
    return !RequiredNodeAffinity.constrains(pod.pod().getSpec());
  }

  @Override
  public Status filter(PodInfo pod, NodeInfo node) {
    return matches(pod.pod().getSpec(), node.name(), node.labels())
        ? Status.success() : Status.unresolvable(NAME, REASON);
  }

  static boolean matches(PodSpec spec, String nodeName, Map<String, String> labels) {
    return RequiredNodeAffinity.matches(spec, nodeName, labels);
  }
}
