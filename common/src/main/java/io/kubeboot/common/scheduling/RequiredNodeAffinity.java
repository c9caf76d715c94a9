package io.kubeboot.common.scheduling;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;

/**
 * Upstream's {@code GetRequiredNodeAffinity(pod).Match(node)}: the pod's {@code nodeSelector} and its
 * required node affinity must both match the node. The scheduler filters with it, and the DaemonSet
 * controller decides with it which nodes should run a daemon pod.
 */
public final class RequiredNodeAffinity {

  private RequiredNodeAffinity() {
  }

  public static boolean matches(PodSpec spec, String nodeName, Map<String, String> labels) {
    Map<String, String> selector = spec.getNodeSelector();
    if (selector != null) {
      // a loop, not a stream: the scheduler asks this of hundreds of nodes per pod
      for (Map.Entry<String, String> entry : selector.entrySet()) {
        if (!entry.getValue().equals(labels.get(entry.getKey()))) {
          return false;
        }
      }
    }
    NodeSelector required = required(spec.getAffinity());
    return required == null || NodeSelectorMatcher.matches(required, nodeName, labels);
  }

  /** Whether the pod has a node selector or required node affinity: otherwise every node matches. */
  public static boolean constrains(PodSpec spec) {
    return spec.getNodeSelector() != null && !spec.getNodeSelector().isEmpty() || required(spec.getAffinity()) != null;
  }

  private static NodeSelector required(Affinity affinity) {
    return affinity == null || affinity.getNodeAffinity() == null ? null
        : affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
  }
}
