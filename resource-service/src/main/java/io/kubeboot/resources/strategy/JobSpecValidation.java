package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code validateJobSpec}, shared by a Job's {@code spec} and a CronJob's
 * {@code spec.jobTemplate.spec}: counts, completion mode, replacement policy, and a pod template
 * whose pods run to completion (restartPolicy OnFailure or Never).
 */
final class JobSpecValidation {

  private JobSpecValidation() {
  }

  /** A Job's spec: the common rules plus a required selector that selects the template. */
  static List<FieldError> job(JobSpec spec) {
    FieldPath path = FieldPath.of("spec");
    List<FieldError> errors = new ArrayList<>(common(spec, path));
    if (spec.getSelector() == null) {
      errors.add(FieldErrors.required(path.child("selector")));
    } else {
      errors.addAll(LabelSelectors.validate(spec.getSelector(), path.child("selector")));
    }
    if (LabelSelectors.convertible(spec.getSelector())
        && !LabelSelectors.matches(spec.getSelector(), WorkloadRules.labels(spec.getTemplate()))) {
      errors.add(FieldErrors.invalid(path.child("template", "metadata", "labels"),
          GoValue.of(WorkloadRules.labels(spec.getTemplate())), "`selector` does not match template `labels`"));
    }
    return errors;
  }

  /** A CronJob's job template: the selector is always generated, so it may not be given. */
  static List<FieldError> template(JobTemplateSpec template, FieldPath path) {
    JobSpec spec = template == null || template.getSpec() == null ? new JobSpec() : template.getSpec();
    List<FieldError> errors = new ArrayList<>(common(spec, path.child("spec")));
    if (spec.getSelector() != null) {
      errors.add(FieldErrors.invalid(path.child("spec", "selector"), GoValue.of(spec.getSelector()),
          "`selector` will be auto-generated"));
    }
    if (Boolean.TRUE.equals(spec.getManualSelector())) {
      errors.add(FieldErrors.notSupported(path.child("spec", "manualSelector"), true, List.of("nil", "false")));
    }
    return errors;
  }

  private static List<FieldError> common(JobSpec spec, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(FieldErrors.nonNegative(spec.getParallelism(), path.child("parallelism")));
    errors.addAll(FieldErrors.nonNegative(spec.getCompletions(), path.child("completions")));
    errors.addAll(FieldErrors.nonNegative(spec.getActiveDeadlineSeconds(), path.child("activeDeadlineSeconds")));
    errors.addAll(FieldErrors.nonNegative(spec.getBackoffLimit(), path.child("backoffLimit")));
    errors.addAll(FieldErrors.nonNegative(spec.getTtlSecondsAfterFinished(), path.child("ttlSecondsAfterFinished")));
    String mode = spec.getCompletionMode();
    if (mode != null) {
      if (!mode.equals("NonIndexed") && !mode.equals("Indexed")) {
        errors.add(FieldErrors.notSupported(path.child("completionMode"), mode, List.of("NonIndexed", "Indexed")));
      }
      if (mode.equals("Indexed") && spec.getCompletions() == null) {
        errors.add(FieldErrors.required(path.child("completions"), "when completion mode is Indexed"));
      }
    }
    String replacement = spec.getPodReplacementPolicy();
    if (replacement != null) {
      List<String> allowed = spec.getPodFailurePolicy() != null ? List.of("Failed") : List.of("Failed", "TerminatingOrFailed");
      if (!allowed.contains(replacement)) {
        errors.add(FieldErrors.notSupported(path.child("podReplacementPolicy"), replacement, allowed));
      }
    }
    errors.addAll(PodSpecValidation.validateTemplate(spec.getTemplate(), path.child("template")));
    PodSpec podSpec = spec.getTemplate() == null || spec.getTemplate().getSpec() == null ? new PodSpec()
        : spec.getTemplate().getSpec();
    String restartPolicy = Nulls.string(podSpec.getRestartPolicy());
    if (!restartPolicy.equals("OnFailure") && !restartPolicy.equals("Never")) {
      errors.add(FieldErrors.notSupported(path.child("template", "spec", "restartPolicy"), restartPolicy,
          List.of("OnFailure", "Never")));
    }
    return errors;
  }
}
