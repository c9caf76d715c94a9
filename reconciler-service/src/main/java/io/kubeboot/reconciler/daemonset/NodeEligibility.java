package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubeboot.common.scheduling.RequiredNodeAffinity;
import io.kubeboot.common.scheduling.Tolerations;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code NodeShouldRunDaemonPod}: whether a node should get a daemon pod, and whether a
 * pod already there may stay. The daemon pod (with the tolerations every daemon pod gets) must fit
 * the node's name and the pod's node selector and required affinity, and tolerate its NoSchedule
 * and NoExecute taints; a pod already there is evicted only by an untolerated NoExecute taint.
 */
record NodeEligibility(boolean shouldRun, boolean shouldContinueRunning) {

  static final NodeEligibility NONE = new NodeEligibility(false, false);

  static NodeEligibility of(Node node, Pod daemonPod) {
    String nodeName = node.getMetadata().getName();
    String boundTo = daemonPod.getSpec().getNodeName();
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if ((boundTo != null && !boundTo.isEmpty() && !boundTo.equals(nodeName))
        || !RequiredNodeAffinity.matches(daemonPod.getSpec(), nodeName, labels)) {
      return NONE;
    }
    List<Taint> taints = node.getSpec() == null ? List.of() : node.getSpec().getTaints();
    boolean fitsTaints = Tolerations.firstUntolerated(taints, daemonPod.getSpec().getTolerations(),
        taint -> "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect())).isEmpty();
    if (fitsTaints) {
      return new NodeEligibility(true, true);
    }
    boolean evicted = Tolerations.firstUntolerated(taints, daemonPod.getSpec().getTolerations(),
        taint -> "NoExecute".equals(taint.getEffect())).isPresent();
    return new NodeEligibility(false, !evicted);
  }
}
