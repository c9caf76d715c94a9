package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Upstream's statefulset strategy: names are DNS labels (they become pod hostnames), OrderedReady
 * pods, RollingUpdate from partition 0, PVCs retained; after creation only replicas, ordinals,
 * template, updateStrategy, the PVC retention policy and minReadySeconds may change.
 */
final class StatefulSets extends BaseStrategy<StatefulSet> {

  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath UPDATE_STRATEGY = SPEC.child("updateStrategy");
  private static final String RETAIN = "Retain";

  StatefulSets(ResourceType resourceType) {
    super(resourceType, StatefulSet.class, NameRule.DNS1123_LABEL, StatusSubresource.of(StatefulSet::getSpec,
        StatefulSet::setSpec, StatefulSet::getStatus, StatefulSet::setStatus, StatefulSets::initialStatus));
  }

  // replicas and availableReplicas are not omitempty upstream
  private static StatefulSetStatus initialStatus() {
    StatefulSetStatus status = new StatefulSetStatus();
    status.setReplicas(0);
    status.setAvailableReplicas(0);
    return status;
  }

  @Override
  void applyDefaults(StatefulSet statefulSet) {
    if (statefulSet.getSpec() == null) {
      statefulSet.setSpec(new StatefulSetSpec());
    }
    StatefulSetSpec spec = statefulSet.getSpec();
    if (Nulls.isEmpty(spec.getPodManagementPolicy())) {
      spec.setPodManagementPolicy("OrderedReady");
    }
    if (spec.getUpdateStrategy() == null) {
      spec.setUpdateStrategy(new StatefulSetUpdateStrategy());
    }
    StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy();
    if (Nulls.isEmpty(strategy.getType())) {
      strategy.setType("RollingUpdate");
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateStatefulSetStrategy());
      }
    }
    if ("RollingUpdate".equals(strategy.getType()) && strategy.getRollingUpdate() != null
        && strategy.getRollingUpdate().getPartition() == null) {
      strategy.getRollingUpdate().setPartition(0);
    }
    if (spec.getPersistentVolumeClaimRetentionPolicy() == null) {
      spec.setPersistentVolumeClaimRetentionPolicy(new StatefulSetPersistentVolumeClaimRetentionPolicy());
    }
    StatefulSetPersistentVolumeClaimRetentionPolicy retention = spec.getPersistentVolumeClaimRetentionPolicy();
    if (Nulls.isEmpty(retention.getWhenDeleted())) {
      retention.setWhenDeleted(RETAIN);
    }
    if (Nulls.isEmpty(retention.getWhenScaled())) {
      retention.setWhenScaled(RETAIN);
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    PodSpecDefaults.apply(spec.getTemplate());
    Nulls.list(spec.getVolumeClaimTemplates()).forEach(StatefulSets::claimTemplateDefaults);
  }

  // upstream defaults claim templates as PersistentVolumeClaims, status included
  private static void claimTemplateDefaults(PersistentVolumeClaim claim) {
    if (claim.getSpec() == null) {
      claim.setSpec(new PersistentVolumeClaimSpec());
    }
    if (claim.getSpec().getVolumeMode() == null) {
      claim.getSpec().setVolumeMode("Filesystem");
    }
    if (claim.getStatus() == null) {
      claim.setStatus(new PersistentVolumeClaimStatus());
    }
    if (Nulls.isEmpty(claim.getStatus().getPhase())) {
      claim.getStatus().setPhase("Pending");
    }
  }

  @Override
  List<FieldError> validateObject(StatefulSet statefulSet) {
    StatefulSetSpec spec = spec(statefulSet);
    List<FieldError> errors = new ArrayList<>();
    String policy = Nulls.string(spec.getPodManagementPolicy());
    if (policy.isEmpty()) {
      errors.add(FieldErrors.required(SPEC.child("podManagementPolicy")));
    } else if (!policy.equals("OrderedReady") && !policy.equals("Parallel")) {
      errors.add(FieldErrors.invalid(SPEC.child("podManagementPolicy"), policy, "must be 'OrderedReady' or 'Parallel'"));
    }
    errors.addAll(updateStrategy(spec.getUpdateStrategy() == null ? new StatefulSetUpdateStrategy()
        : spec.getUpdateStrategy()));
    StatefulSetPersistentVolumeClaimRetentionPolicy retention = spec.getPersistentVolumeClaimRetentionPolicy();
    if (retention != null) {
      FieldPath path = SPEC.child("persistentVolumeClaimRetentionPolicy");
      errors.addAll(retention(retention.getWhenDeleted(), path.child("whenDeleted")));
      errors.addAll(retention(retention.getWhenScaled(), path.child("whenScaled")));
    }
    errors.addAll(FieldErrors.nonNegative(spec.getReplicas(), SPEC.child("replicas")));
    errors.addAll(FieldErrors.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
    if (spec.getOrdinals() != null) {
      errors.addAll(FieldErrors.nonNegative(spec.getOrdinals().getStart(), SPEC.child("ordinals.start")));
    }
    LabelSelector selector = spec.getSelector();
    errors.addAll(WorkloadRules.requiredSelector(selector, "statefulset"));
    if (!LabelSelectors.convertible(selector)) {
      errors.add(FieldErrors.invalid(WorkloadRules.SELECTOR, GoValue.of(selector), ""));
    } else {
      errors.addAll(template(selector, spec.getTemplate()));
    }
    errors.addAll(WorkloadRules.restartAlways(spec.getTemplate(), "StatefulSet"));
    return errors;
  }

  @Override
  List<FieldError> validateTransition(StatefulSet statefulSet, StatefulSet old) {
    StatefulSetSpec unchangeable = Copies.deepCopy(spec(statefulSet));
    StatefulSetSpec oldSpec = spec(old);
    unchangeable.setReplicas(oldSpec.getReplicas());
    unchangeable.setOrdinals(oldSpec.getOrdinals());
    unchangeable.setTemplate(oldSpec.getTemplate());
    unchangeable.setUpdateStrategy(oldSpec.getUpdateStrategy());
    unchangeable.setPersistentVolumeClaimRetentionPolicy(oldSpec.getPersistentVolumeClaimRetentionPolicy());
    unchangeable.setMinReadySeconds(oldSpec.getMinReadySeconds());
    if (!Objects.equals(unchangeable, oldSpec)) {
      return List.of(FieldErrors.forbidden(SPEC, "updates to statefulset spec for fields other than 'replicas',"
          + " 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds'"
          + " are forbidden"));
    }
    return List.of();
  }

  // upstream checks only the template's metadata here, not its pod spec (claim templates supply volumes)
  private static List<FieldError> template(LabelSelector selector, PodTemplateSpec template) {
    if (template == null) {
      return List.of(FieldErrors.required(WorkloadRules.TEMPLATE));
    }
    List<FieldError> errors = new ArrayList<>(WorkloadRules.selectorMatchesTemplate(selector, template));
    if (template.getMetadata() != null) {
      errors.addAll(ObjectMetaValidation.labels(template.getMetadata().getLabels(),
          WorkloadRules.TEMPLATE.child("labels")));
      errors.addAll(ObjectMetaValidation.annotations(template.getMetadata().getAnnotations(),
          WorkloadRules.TEMPLATE.child("annotations")));
    }
    return errors;
  }

  private static List<FieldError> updateStrategy(StatefulSetUpdateStrategy strategy) {
    RollingUpdateStatefulSetStrategy rollingUpdate = strategy.getRollingUpdate();
    switch (Nulls.string(strategy.getType())) {
      case "":
        return List.of(FieldErrors.required(UPDATE_STRATEGY));
      case "OnDelete":
        return rollingUpdate == null ? List.of() : List.of(FieldErrors.invalid(UPDATE_STRATEGY.child("rollingUpdate"),
            GoValue.of(rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
      case "RollingUpdate":
        return rollingUpdate == null ? List.of() : rollingUpdate(rollingUpdate, UPDATE_STRATEGY.child("rollingUpdate"));
      default:
        return List.of(FieldErrors.invalid(UPDATE_STRATEGY, GoValue.updateStrategy("apps.StatefulSetUpdateStrategy",
            strategy.getType(), "apps.RollingUpdateStatefulSetStrategy", rollingUpdate),
            "must be 'RollingUpdate' or 'OnDelete'"));
    }
  }

  private static List<FieldError> rollingUpdate(RollingUpdateStatefulSetStrategy rollingUpdate, FieldPath path) {
    List<FieldError> errors = new ArrayList<>(FieldErrors.nonNegative(rollingUpdate.getPartition(),
        path.child("partition")));
    IntOrString maxUnavailable = rollingUpdate.getMaxUnavailable();
    if (maxUnavailable != null) {
      FieldPath at = path.child("maxUnavailable");
      errors.addAll(RollingUpdates.intOrPercent(maxUnavailable, at));
      if (RollingUpdates.value(maxUnavailable) == 0) {
        errors.add(FieldErrors.invalid(at, GoValue.of(maxUnavailable), "cannot be 0"));
      }
      errors.addAll(RollingUpdates.atMost100Percent(maxUnavailable, at));
    }
    return errors;
  }

  private static List<FieldError> retention(String policy, FieldPath path) {
    String value = Nulls.string(policy);
    return value.equals(RETAIN) || value.equals("Delete") ? List.of()
        : List.of(FieldErrors.notSupported(path, value, List.of(RETAIN, "Delete")));
  }

  private static StatefulSetSpec spec(StatefulSet statefulSet) {
    return statefulSet.getSpec() == null ? new StatefulSetSpec() : statefulSet.getSpec();
  }
}
