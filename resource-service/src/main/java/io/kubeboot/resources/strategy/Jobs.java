package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Upstream's job strategy and batch/v1 defaults: one pod at a time, six retries, NonIndexed,
 * not suspended, a generated selector; selector, template and completion mode fixed afterwards
 * (except a suspended Job's scheduling directives, which a queue controller may still adjust).
 */
final class Jobs extends BaseStrategy<Job> {

  private static final FieldPath SPEC = FieldPath.of("spec");

  Jobs(ResourceType resourceType) {
    super(resourceType, Job.class, NameRule.DNS1123_SUBDOMAIN,
        StatusSubresource.of(Job::getSpec, Job::setSpec, Job::getStatus, Job::setStatus, JobStatus::new));
  }

  @Override
  void applyDefaults(Job job) {
    if (job.getSpec() == null) {
      job.setSpec(new JobSpec());
    }
    JobSpec spec = job.getSpec();
    // a Job that says neither runs one pod to completion once
    if (spec.getCompletions() == null && spec.getParallelism() == null) {
      spec.setCompletions(1);
    }
    if (spec.getParallelism() == null) {
      spec.setParallelism(1);
    }
    if (spec.getBackoffLimit() == null) {
      spec.setBackoffLimit(spec.getBackoffLimitPerIndex() != null ? Integer.MAX_VALUE : 6);
    }
    if (spec.getCompletionMode() == null) {
      spec.setCompletionMode("NonIndexed");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getPodReplacementPolicy() == null) {
      spec.setPodReplacementPolicy(spec.getPodFailurePolicy() != null ? "Failed" : "TerminatingOrFailed");
    }
    PodSpecDefaults.apply(spec.getTemplate());
    labelsFromTemplate(job);
  }

  @Override
  void onCreate(Job job) {
    JobSelectors.generate(job);
    // upstream defaults again when the stored Job is read, by then with the generated labels
    labelsFromTemplate(job);
  }

  @Override
  List<FieldError> validateObject(Job job) {
    // on update the prefixed labels are only required of Jobs that have them (see validateUpdateObject)
    return validate(job, true);
  }

  @Override
  List<FieldError> validateTransition(Job job, Job old) {
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    JobSpec oldSpec = old.getSpec() == null ? new JobSpec() : old.getSpec();
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(FieldErrors.immutable(spec.getCompletions(), oldSpec.getCompletions(), SPEC.child("completions")));
    errors.addAll(FieldErrors.immutable(spec.getSelector(), oldSpec.getSelector(), SPEC.child("selector")));
    errors.addAll(FieldErrors.immutable(spec.getTemplate(), comparableOldTemplate(job, old), SPEC.child("template")));
    errors.addAll(FieldErrors.immutable(spec.getCompletionMode(), oldSpec.getCompletionMode(),
        SPEC.child("completionMode")));
    errors.addAll(FieldErrors.immutable(spec.getPodFailurePolicy(), oldSpec.getPodFailurePolicy(),
        SPEC.child("podFailurePolicy")));
    errors.addAll(FieldErrors.immutable(spec.getBackoffLimitPerIndex(), oldSpec.getBackoffLimitPerIndex(),
        SPEC.child("backoffLimitPerIndex")));
    return errors;
  }

  /** Update validation must not demand the prefixed labels of a Job created without them. */
  @Override
  List<FieldError> validateUpdateObject(Job job, Job old) {
    return validate(job, JobSelectors.hasPrefixedLabels(old));
  }

  private static List<FieldError> validate(Job job, boolean requirePrefixedLabels) {
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    List<FieldError> errors = new ArrayList<>(JobSelectors.validate(job, requirePrefixedLabels));
    errors.addAll(JobSpecValidation.job(spec));
    String name = Nulls.string(job.getMetadata().getName());
    if ("Indexed".equals(spec.getCompletionMode()) && Nulls.integer(spec.getCompletions()) > 0) {
      // pods of an indexed Job are named <job>-<index>, which must be a DNS label
      String lastHostname = name + "-" + (spec.getCompletions() - 1);
      if (!StringFormats.dns1123Label(lastHostname).isEmpty()) {
        errors.add(FieldErrors.invalid(FieldPath.of("metadata", "name"), name,
            "will not able to create pod with invalid DNS label: " + lastHostname));
      }
    }
    return errors;
  }

  /**
   * The old template with what a suspended, never-started Job may change taken from the new one:
   * node affinity, node selector, tolerations, scheduling gates, labels and annotations.
   */
  private static PodTemplateSpec comparableOldTemplate(Job job, Job old) {
    PodTemplateSpec oldTemplate = old.getSpec() == null ? null : old.getSpec().getTemplate();
    PodTemplateSpec template = job.getSpec() == null ? null : job.getSpec().getTemplate();
    boolean suspended = template != null && Boolean.TRUE.equals(job.getSpec().getSuspend()) && old.getSpec() != null
        && Boolean.TRUE.equals(old.getSpec().getSuspend());
    boolean started = old.getStatus() != null && old.getStatus().getStartTime() != null;
    if (!suspended || started || oldTemplate == null || template == null || oldTemplate.getSpec() == null
        || template.getSpec() == null) {
      return oldTemplate;
    }
    PodTemplateSpec adjusted = Copies.deepCopy(oldTemplate);
    Affinity affinity = template.getSpec().getAffinity();
    Affinity oldAffinity = adjusted.getSpec().getAffinity();
    if (affinity == null && oldAffinity != null) {
      oldAffinity.setNodeAffinity(null);
      if (oldAffinity.equals(new Affinity())) {
        adjusted.getSpec().setAffinity(null);
      }
    } else if (affinity != null) {
      Affinity replaced = oldAffinity == null ? new Affinity() : oldAffinity;
      replaced.setNodeAffinity(Copies.deepCopy(affinity.getNodeAffinity()));
      adjusted.getSpec().setAffinity(replaced);
    }
    adjusted.getSpec().setNodeSelector(Copies.deepCopy(template.getSpec().getNodeSelector()));
    adjusted.getSpec().setTolerations(Copies.deepCopy(template.getSpec().getTolerations()));
    adjusted.getSpec().setSchedulingGates(Copies.deepCopy(template.getSpec().getSchedulingGates()));
    if (adjusted.getMetadata() != null && template.getMetadata() != null) {
      adjusted.getMetadata().setLabels(Copies.deepCopy(template.getMetadata().getLabels()));
      adjusted.getMetadata().setAnnotations(Copies.deepCopy(template.getMetadata().getAnnotations()));
    }
    return adjusted;
  }

  /** batch/v1 defaulting: a Job without labels takes its pod template's. */
  private static void labelsFromTemplate(Job job) {
    if (Nulls.map(job.getMetadata().getLabels()).isEmpty()) {
      var templateLabels = WorkloadRules.labels(job.getSpec().getTemplate());
      if (!templateLabels.isEmpty()) {
        job.getMetadata().setLabels(new LinkedHashMap<>(templateLabels));
      }
    }
  }
}
