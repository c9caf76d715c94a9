package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Job's generated selector: unless {@code manualSelector} is true, the server labels the pod
 * template with the Job's uid and name and selects on the uid, so no two Jobs ever share pods.
 * Upstream's {@code generateSelector} and {@code ValidateGeneratedSelector}.
 */
final class JobSelectors {

  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME = "batch.kubernetes.io/job-name";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";
  static final String LEGACY_JOB_NAME = "job-name";

  private static final FieldPath TEMPLATE_METADATA = FieldPath.of("spec", "template", "metadata");

  private JobSelectors() {
  }

  /** Needs {@code metadata.uid}: the storage layer sets it before preparing the create. */
  static void generate(Job job) {
    JobSpec spec = job.getSpec();
    if (Boolean.TRUE.equals(spec.getManualSelector())) {
      return;
    }
    String name = job.getMetadata().getName();
    String uid = job.getMetadata().getUid();
    if (spec.getTemplate() == null) {
      spec.setTemplate(new PodTemplateSpec());
    }
    if (spec.getTemplate().getMetadata() == null) {
      spec.getTemplate().setMetadata(new ObjectMeta());
    }
    // labels the user set themselves are kept; a conflict then fails validation
    Map<String, String> labels = new LinkedHashMap<>(Nulls.map(spec.getTemplate().getMetadata().getLabels()));
    labels.putIfAbsent(LEGACY_JOB_NAME, name);
    labels.putIfAbsent(JOB_NAME, name);
    labels.putIfAbsent(LEGACY_CONTROLLER_UID, uid);
    labels.putIfAbsent(CONTROLLER_UID, uid);
    spec.getTemplate().getMetadata().setLabels(labels);
    if (spec.getSelector() == null) {
      spec.setSelector(new LabelSelector());
    }
    Map<String, String> matchLabels = new LinkedHashMap<>(Nulls.map(spec.getSelector().getMatchLabels()));
    matchLabels.putIfAbsent(CONTROLLER_UID, uid);
    spec.getSelector().setMatchLabels(matchLabels);
  }

  /**
   * The generated labels are there and the selector is the generated one.
   * {@code requirePrefixedLabels} is false only for Jobs created before the
   * {@code batch.kubernetes.io/} labels existed.
   */
  static List<FieldError> validate(Job job, boolean requirePrefixedLabels) {
    List<FieldError> errors = new ArrayList<>();
    JobSpec spec = job.getSpec();
    if (spec == null || Boolean.TRUE.equals(spec.getManualSelector())) {
      return errors;
    }
    ObjectMeta template = spec.getTemplate() == null || spec.getTemplate().getMetadata() == null ? new ObjectMeta()
        : spec.getTemplate().getMetadata();
    String uid = Nulls.string(job.getMetadata().getUid());
    String name = Nulls.string(job.getMetadata().getName());
    if (uid.isEmpty()) {
      errors.add(FieldErrors.required(FieldPath.of("metadata", "uid")));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(LEGACY_CONTROLLER_UID, uid);
    expected.put(LEGACY_JOB_NAME, name);
    if (requirePrefixedLabels) {
      expected.put(CONTROLLER_UID, uid);
      expected.put(JOB_NAME, name);
    }
    expected.forEach((key, value) -> errors.addAll(hasLabel(template, key, value)));
    if (spec.getSelector() != null && LabelSelectors.convertible(spec.getSelector())
        && !LabelSelectors.matches(spec.getSelector(), expected)) {
      errors.add(FieldErrors.invalid(FieldPath.of("spec", "selector"), GoValue.of(spec.getSelector()),
          "`selector` not auto-generated"));
    }
    return errors;
  }

  static boolean hasPrefixedLabels(Job job) {
    return job.getSpec() != null && WorkloadRules.labels(job.getSpec().getTemplate()).containsKey(CONTROLLER_UID);
  }

  private static List<FieldError> hasLabel(ObjectMeta meta, String key, String expected) {
    FieldPath path = TEMPLATE_METADATA.child("labels").key(key);
    Map<String, String> labels = Nulls.map(meta.getLabels());
    if (!labels.containsKey(key)) {
      return List.of(FieldErrors.required(path, expected));
    }
    if (!expected.equals(labels.get(key))) {
      return List.of(FieldErrors.invalid(path, GoValue.of(labels), "must be '" + expected + "'"));
    }
    return List.of();
  }
}
