package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutating admission plugins a default kube-apiserver runs on pod creation, reduced to what
 * they change in a cluster without PriorityClasses: ServiceAccount (the {@code default}
 * account), Priority (priority 0, preempt lower priority) and DefaultTolerationSeconds (tolerate
 * not-ready and unreachable nodes for 300 s, so evictions wait five minutes).
 */
final class DefaultAdmission {

  static final long DEFAULT_TOLERATION_SECONDS = 300;
  private static final List<String> NODE_PROBLEM_TAINTS =
      List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");

  private DefaultAdmission() {
  }

  static void admitCreate(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (Nulls.isEmpty(spec.getServiceAccountName())) {
      spec.setServiceAccountName("default");
    }
    PodSpecDefaults.mirrorServiceAccount(spec);
    if (spec.getPriority() == null && Nulls.isEmpty(spec.getPriorityClassName())) {
      spec.setPriority(0);
    }
    if (spec.getPreemptionPolicy() == null) {
      spec.setPreemptionPolicy("PreemptLowerPriority");
    }
    defaultTolerations(spec);
  }

  private static void defaultTolerations(PodSpec spec) {
    List<Toleration> tolerations = new ArrayList<>(Nulls.list(spec.getTolerations()));
    for (String taint : NODE_PROBLEM_TAINTS) {
      if (tolerations.stream().noneMatch(t -> tolerates(t, taint))) {
        tolerations.add(new TolerationBuilder().withKey(taint).withOperator("Exists").withEffect("NoExecute")
            .withTolerationSeconds(DEFAULT_TOLERATION_SECONDS).build());
      }
    }
    spec.setTolerations(tolerations);
  }

  // an empty key or effect is a wildcard, as the admission plugin reads it
  private static boolean tolerates(Toleration toleration, String taint) {
    boolean key = Nulls.isEmpty(toleration.getKey()) || taint.equals(toleration.getKey());
    boolean effect = Nulls.isEmpty(toleration.getEffect()) || "NoExecute".equals(toleration.getEffect());
    return key && effect;
  }
}
