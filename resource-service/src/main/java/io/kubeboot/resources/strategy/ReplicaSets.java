package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** Upstream's replicaset strategy: one replica by default, an immutable selector. */
final class ReplicaSets extends BaseStrategy<ReplicaSet> {

  private static final FieldPath SPEC = FieldPath.of("spec");

  ReplicaSets(ResourceType resourceType) {
    super(resourceType, ReplicaSet.class, NameRule.DNS1123_SUBDOMAIN, StatusSubresource.of(ReplicaSet::getSpec,
        ReplicaSet::setSpec, ReplicaSet::getStatus, ReplicaSet::setStatus, ReplicaSets::initialStatus));
  }

  // replicas is not omitempty upstream, so a new ReplicaSet reports 0
  private static ReplicaSetStatus initialStatus() {
    ReplicaSetStatus status = new ReplicaSetStatus();
    status.setReplicas(0);
    return status;
  }

  @Override
  void applyDefaults(ReplicaSet replicaSet) {
    if (replicaSet.getSpec() == null) {
      replicaSet.setSpec(new ReplicaSetSpec());
    }
    if (replicaSet.getSpec().getReplicas() == null) {
      replicaSet.getSpec().setReplicas(1);
    }
    PodSpecDefaults.apply(replicaSet.getSpec().getTemplate());
  }

  @Override
  List<FieldError> validateObject(ReplicaSet replicaSet) {
    ReplicaSetSpec spec = replicaSet.getSpec() == null ? new ReplicaSetSpec() : replicaSet.getSpec();
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(FieldErrors.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
    errors.addAll(FieldErrors.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
    // upstream's message says "deployment" for ReplicaSets too
    errors.addAll(WorkloadRules.requiredSelector(spec.getSelector(), "deployment"));
    errors.addAll(WorkloadRules.replicaSetTemplate(spec.getSelector(), spec.getTemplate()));
    return errors;
  }

  @Override
  List<FieldError> validateTransition(ReplicaSet replicaSet, ReplicaSet old) {
    return WorkloadRules.immutableSelector(replicaSet.getSpec() == null ? null : replicaSet.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector());
  }
}
