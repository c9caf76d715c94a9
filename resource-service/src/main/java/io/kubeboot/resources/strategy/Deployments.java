package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's deployment strategy and apps/v1 defaults: one replica, RollingUpdate 25%/25%, ten
 * old ReplicaSets kept, a 600 s progress deadline; an immutable selector.
 */
final class Deployments extends BaseStrategy<Deployment> {

  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath STRATEGY = SPEC.child("strategy");

  Deployments(ResourceType resourceType) {
    super(resourceType, Deployment.class, NameRule.DNS1123_SUBDOMAIN, StatusSubresource.of(Deployment::getSpec,
        Deployment::setSpec, Deployment::getStatus, Deployment::setStatus, DeploymentStatus::new));
  }

  @Override
  void applyDefaults(Deployment deployment) {
    if (deployment.getSpec() == null) {
      deployment.setSpec(new DeploymentSpec());
    }
    DeploymentSpec spec = deployment.getSpec();
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getStrategy() == null) {
      spec.setStrategy(new DeploymentStrategy());
    }
    DeploymentStrategy strategy = spec.getStrategy();
    if (Nulls.isEmpty(strategy.getType())) {
      strategy.setType("RollingUpdate");
    }
    if ("RollingUpdate".equals(strategy.getType())) {
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateDeployment());
      }
      if (strategy.getRollingUpdate().getMaxUnavailable() == null) {
        strategy.getRollingUpdate().setMaxUnavailable(new IntOrString("25%"));
      }
      if (strategy.getRollingUpdate().getMaxSurge() == null) {
        strategy.getRollingUpdate().setMaxSurge(new IntOrString("25%"));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    if (spec.getProgressDeadlineSeconds() == null) {
      spec.setProgressDeadlineSeconds(600);
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  List<FieldError> validateObject(Deployment deployment) {
    DeploymentSpec spec = deployment.getSpec() == null ? new DeploymentSpec() : deployment.getSpec();
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(FieldErrors.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
    errors.addAll(WorkloadRules.requiredSelector(spec.getSelector(), "deployment"));
    errors.addAll(WorkloadRules.replicaSetTemplate(spec.getSelector(), spec.getTemplate()));
    errors.addAll(strategy(spec.getStrategy() == null ? new DeploymentStrategy() : spec.getStrategy()));
    errors.addAll(FieldErrors.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
    errors.addAll(FieldErrors.nonNegative(spec.getRevisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
    Integer deadline = spec.getProgressDeadlineSeconds();
    if (deadline != null) {
      errors.addAll(FieldErrors.nonNegative(deadline, SPEC.child("progressDeadlineSeconds")));
      if (deadline <= Nulls.integer(spec.getMinReadySeconds())) {
        errors.add(FieldErrors.invalid(SPEC.child("progressDeadlineSeconds"), deadline,
            "must be greater than minReadySeconds"));
      }
    }
    return errors;
  }

  @Override
  List<FieldError> validateTransition(Deployment deployment, Deployment old) {
    return WorkloadRules.immutableSelector(deployment.getSpec() == null ? null : deployment.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector());
  }

  private static List<FieldError> strategy(DeploymentStrategy strategy) {
    RollingUpdateDeployment rollingUpdate = strategy.getRollingUpdate();
    switch (Nulls.string(strategy.getType())) {
      case "Recreate":
        return rollingUpdate == null ? List.of() : List.of(FieldErrors.forbidden(STRATEGY.child("rollingUpdate"),
            "may not be specified when strategy `type` is 'Recreate'"));
      case "RollingUpdate":
        if (rollingUpdate == null) {
          return List.of(FieldErrors.required(STRATEGY.child("rollingUpdate"), "this should be defaulted and never be nil"));
        }
        return RollingUpdates.deployment(rollingUpdate.getMaxUnavailable(), rollingUpdate.getMaxSurge(),
            STRATEGY.child("rollingUpdate"));
      default:
        return List.of(FieldErrors.notSupported(STRATEGY, GoValue.updateStrategy("apps.DeploymentStrategy",
            strategy.getType(), "apps.RollingUpdateDeployment", rollingUpdate), List.of("Recreate", "RollingUpdate")));
    }
  }
}
