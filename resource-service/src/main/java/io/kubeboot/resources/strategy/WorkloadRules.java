package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules the apps kinds share about their selector and pod template: the selector is
 * required, non-empty and immutable, it selects the template's labels, and the pods restart
 * Always.
 */
final class WorkloadRules {

  static final FieldPath SELECTOR = FieldPath.of("spec", "selector");
  static final FieldPath TEMPLATE = FieldPath.of("spec", "template");

  private WorkloadRules() {
  }

  /** A required selector that is valid and has at least one term ({@code kind} names the controller in the message). */
  static List<FieldError> requiredSelector(LabelSelector selector, String kind) {
    if (selector == null) {
      return List.of(FieldErrors.required(SELECTOR));
    }
    List<FieldError> errors = new ArrayList<>(LabelSelectors.validate(selector, SELECTOR));
    errors.addAll(nonEmptySelector(selector, kind));
    return errors;
  }

  static List<FieldError> nonEmptySelector(LabelSelector selector, String kind) {
    if (LabelSelectors.isEmpty(selector)) {
      return List.of(FieldErrors.invalid(SELECTOR, GoValue.of(selector), "empty selector is invalid for " + kind));
    }
    return List.of();
  }

  /**
   * The template's labels must be selected; an absent selector selects nothing, so that fails
   * too, while an empty one (reported elsewhere) selects everything.
   */
  static List<FieldError> selectorMatchesTemplate(LabelSelector selector, PodTemplateSpec template) {
    Map<String, String> labels = labels(template);
    if (!LabelSelectors.isEmpty(selector) && !LabelSelectors.matches(selector, labels)) {
      return List.of(FieldErrors.invalid(TEMPLATE.child("metadata", "labels"), GoValue.of(labels),
          "`selector` does not match template `labels`"));
    }
    return List.of();
  }

  /** Upstream's {@code ValidatePodTemplateSpecForReplicaSet}, shared by ReplicaSets and Deployments. */
  static List<FieldError> replicaSetTemplate(LabelSelector selector, PodTemplateSpec template) {
    if (!LabelSelectors.convertible(selector)) {
      return List.of(FieldErrors.invalid(SELECTOR, GoValue.of(selector), "invalid label selector"));
    }
    if (template == null) {
      return List.of(FieldErrors.required(TEMPLATE));
    }
    List<FieldError> errors = new ArrayList<>(selectorMatchesTemplate(selector, template));
    errors.addAll(PodSpecValidation.validateTemplate(template, TEMPLATE));
    errors.addAll(restartAlways(template, "ReplicaSet"));
    return errors;
  }

  /** Controllers that keep pods running: restartPolicy Always and no activeDeadlineSeconds. */
  static List<FieldError> restartAlways(PodTemplateSpec template, String kind) {
    List<FieldError> errors = new ArrayList<>();
    PodSpec spec = template == null || template.getSpec() == null ? new PodSpec() : template.getSpec();
    String restartPolicy = Nulls.string(spec.getRestartPolicy());
    if (!restartPolicy.equals("Always")) {
      errors.add(FieldErrors.notSupported(TEMPLATE.child("spec", "restartPolicy"), restartPolicy, List.of("Always")));
    }
    if (spec.getActiveDeadlineSeconds() != null) {
      errors.add(FieldErrors.forbidden(TEMPLATE.child("spec", "activeDeadlineSeconds"),
          "activeDeadlineSeconds in " + kind + " is not Supported"));
    }
    return errors;
  }

  /** apps/v1 selectors may not change: the controller would lose its pods. */
  static List<FieldError> immutableSelector(LabelSelector selector, LabelSelector old) {
    return FieldErrors.immutable(selector, old, SELECTOR);
  }

  static Map<String, String> labels(PodTemplateSpec template) {
    return template == null || template.getMetadata() == null ? Map.of() : Nulls.map(template.getMetadata().getLabels());
  }
}
