package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's daemonset strategy: RollingUpdate with maxUnavailable 1 and maxSurge 0, ten
 * revisions kept, the template generation counted in {@code deprecated.daemonset.template.generation}.
 */
final class DaemonSets extends BaseStrategy<DaemonSet> {

  static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath UPDATE_STRATEGY = SPEC.child("updateStrategy");

  DaemonSets(ResourceType resourceType) {
    super(resourceType, DaemonSet.class, NameRule.DNS1123_SUBDOMAIN, StatusSubresource.of(DaemonSet::getSpec,
        DaemonSet::setSpec, DaemonSet::getStatus, DaemonSet::setStatus, DaemonSets::initialStatus));
  }

  // these counters are not omitempty upstream
  private static DaemonSetStatus initialStatus() {
    DaemonSetStatus status = new DaemonSetStatus();
    status.setCurrentNumberScheduled(0);
    status.setNumberMisscheduled(0);
    status.setDesiredNumberScheduled(0);
    status.setNumberReady(0);
    return status;
  }

  @Override
  void applyDefaults(DaemonSet daemonSet) {
    if (daemonSet.getSpec() == null) {
      daemonSet.setSpec(new DaemonSetSpec());
    }
    DaemonSetSpec spec = daemonSet.getSpec();
    if (spec.getUpdateStrategy() == null) {
      spec.setUpdateStrategy(new DaemonSetUpdateStrategy());
    }
    DaemonSetUpdateStrategy strategy = spec.getUpdateStrategy();
    if (Nulls.isEmpty(strategy.getType())) {
      strategy.setType("RollingUpdate");
    }
    if ("RollingUpdate".equals(strategy.getType())) {
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateDaemonSet());
      }
      if (strategy.getRollingUpdate().getMaxUnavailable() == null) {
        strategy.getRollingUpdate().setMaxUnavailable(new IntOrString(1));
      }
      if (strategy.getRollingUpdate().getMaxSurge() == null) {
        strategy.getRollingUpdate().setMaxSurge(new IntOrString(0));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  void onCreate(DaemonSet daemonSet) {
    setTemplateGeneration(daemonSet.getMetadata(), 1);
  }

  @Override
  void onUpdate(DaemonSet daemonSet, DaemonSet old) {
    long generation = templateGeneration(old.getMetadata());
    if (!Objects.equals(daemonSet.getSpec().getTemplate(), old.getSpec() == null ? null : old.getSpec().getTemplate())) {
      generation++;
    }
    setTemplateGeneration(daemonSet.getMetadata(), generation);
  }

  @Override
  List<FieldError> validateObject(DaemonSet daemonSet) {
    DaemonSetSpec spec = daemonSet.getSpec() == null ? new DaemonSetSpec() : daemonSet.getSpec();
    LabelSelector selector = spec.getSelector();
    List<FieldError> errors = new ArrayList<>(LabelSelectors.validate(selector, WorkloadRules.SELECTOR));
    // no "required" here upstream: a missing selector selects nothing, so the template check fails
    if (LabelSelectors.convertible(selector) && !LabelSelectors.matches(selector, WorkloadRules.labels(spec.getTemplate()))) {
      errors.add(FieldErrors.invalid(WorkloadRules.TEMPLATE.child("metadata", "labels"),
          GoValue.of(WorkloadRules.labels(spec.getTemplate())), "`selector` does not match template `labels`"));
    }
    if (selector != null) {
      errors.addAll(WorkloadRules.nonEmptySelector(selector, "daemonset"));
    }
    errors.addAll(PodSpecValidation.validateTemplate(spec.getTemplate(), WorkloadRules.TEMPLATE));
    errors.addAll(WorkloadRules.restartAlways(spec.getTemplate(), "DaemonSet"));
    errors.addAll(FieldErrors.nonNegative(spec.getMinReadySeconds(), SPEC.child("minReadySeconds")));
    errors.addAll(updateStrategy(spec.getUpdateStrategy() == null ? new DaemonSetUpdateStrategy() : spec.getUpdateStrategy()));
    errors.addAll(FieldErrors.nonNegative(spec.getRevisionHistoryLimit(), SPEC.child("revisionHistoryLimit")));
    return errors;
  }

  @Override
  List<FieldError> validateTransition(DaemonSet daemonSet, DaemonSet old) {
    return WorkloadRules.immutableSelector(daemonSet.getSpec() == null ? null : daemonSet.getSpec().getSelector(),
        old.getSpec() == null ? null : old.getSpec().getSelector());
  }

  private static List<FieldError> updateStrategy(DaemonSetUpdateStrategy strategy) {
    RollingUpdateDaemonSet rollingUpdate = strategy.getRollingUpdate();
    switch (Nulls.string(strategy.getType())) {
      case "OnDelete":
        return List.of();
      case "RollingUpdate":
        if (rollingUpdate == null) {
          return List.of(FieldErrors.required(UPDATE_STRATEGY.child("rollingUpdate")));
        }
        return RollingUpdates.daemonSet(rollingUpdate.getMaxUnavailable(), rollingUpdate.getMaxSurge(),
            UPDATE_STRATEGY.child("rollingUpdate"));
      default:
        return List.of(FieldErrors.notSupported(UPDATE_STRATEGY, GoValue.updateStrategy("apps.DaemonSetUpdateStrategy",
            strategy.getType(), "apps.RollingUpdateDaemonSet", rollingUpdate), List.of("RollingUpdate", "OnDelete")));
    }
  }

  private static long templateGeneration(ObjectMeta metadata) {
    String value = metadata == null ? null : Nulls.map(metadata.getAnnotations()).get(TEMPLATE_GENERATION);
    try {
      return value == null ? 1 : Long.parseLong(value);
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  private static void setTemplateGeneration(ObjectMeta metadata, long generation) {
    Map<String, String> annotations = new LinkedHashMap<>(Nulls.map(metadata.getAnnotations()));
    annotations.put(TEMPLATE_GENERATION, Long.toString(generation));
    metadata.setAnnotations(annotations);
  }
}
