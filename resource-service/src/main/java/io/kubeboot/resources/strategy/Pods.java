package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's pod strategy: defaults, the default admission plugins and an initial status
 * ({@code Pending} with its QoS class) on create; a fixed spec afterwards.
 */
final class Pods extends BaseStrategy<Pod> {

  private static final FieldPath SPEC = FieldPath.of("spec");

  Pods(ResourceType resourceType) {
    super(resourceType, Pod.class, NameRule.DNS1123_SUBDOMAIN,
        StatusSubresource.of(Pod::getSpec, Pod::setSpec, Pod::getStatus, Pod::setStatus, PodStatus::new));
  }

  @Override
  void applyDefaults(Pod pod) {
    PodDefaults.apply(pod);
  }

  @Override
  void onCreate(Pod pod) {
    DefaultAdmission.admitCreate(pod);
    PodSpec spec = pod.getSpec();
    PodStatus status = pod.getStatus();
    status.setPhase("Pending");
    status.setQosClass(QosClasses.of(spec));
    if (!Nulls.list(spec.getSchedulingGates()).isEmpty()) {
      // upstream tells schedulers and users why a gated pod is not scheduled
      status.setConditions(new ArrayList<>(List.of(new PodConditionBuilder().withType("PodScheduled")
          .withStatus("False").withReason("SchedulingGated").withMessage("Scheduling is blocked due to non-empty scheduling gates")
          .build())));
    }
  }

  @Override
  void onStatusUpdate(Pod pod, Pod old) {
    // the QoS class is fixed at creation; old kubelets dropped it from their status writes
    if (pod.getStatus() != null && Nulls.isEmpty(pod.getStatus().getQosClass()) && old.getStatus() != null) {
      pod.getStatus().setQosClass(old.getStatus().getQosClass());
    }
  }

  @Override
  List<FieldError> validateObject(Pod pod) {
    return PodSpecValidation.validate(pod.getSpec() == null ? new PodSpec() : pod.getSpec(), SPEC);
  }

  @Override
  List<FieldError> validateTransition(Pod pod, Pod old) {
    return PodUpdateRules.validate(pod.getSpec() == null ? new PodSpec() : pod.getSpec(),
        old.getSpec() == null ? new PodSpec() : old.getSpec());
  }
}
