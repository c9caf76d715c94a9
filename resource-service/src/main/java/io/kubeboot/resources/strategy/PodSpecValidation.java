package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream's {@code ValidatePodSpec} and {@code ValidatePodTemplateSpec}: the rules for a pod
 * spec wherever it appears (a Pod's {@code spec} or any workload's {@code spec.template.spec}).
 */
final class PodSpecValidation {

  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final String INIT_ONLY_WITH_ALWAYS = "may not be set for init containers without restartPolicy=Always";

  private PodSpecValidation() {
  }

  /** A template: its labels and annotations, then its pod spec under {@code path.spec}. */
  static List<FieldError> validateTemplate(PodTemplateSpec template, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    if (template == null) {
      errors.add(FieldErrors.required(path));
      return errors;
    }
    if (template.getMetadata() != null) {
      errors.addAll(ObjectMetaValidation.labels(template.getMetadata().getLabels(), path.child("metadata", "labels")));
      errors.addAll(ObjectMetaValidation.annotations(template.getMetadata().getAnnotations(),
          path.child("metadata", "annotations")));
    }
    errors.addAll(validate(template.getSpec() == null ? new PodSpec() : template.getSpec(), path.child("spec")));
    return errors;
  }

  static List<FieldError> validate(PodSpec spec, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> volumes = new HashSet<>();
    errors.addAll(volumes(Nulls.list(spec.getVolumes()), path.child("volumes"), volumes));
    Set<String> containerNames = new HashSet<>();
    errors.addAll(containers(Nulls.list(spec.getContainers()), path.child("containers"), volumes, containerNames));
    errors.addAll(initContainers(Nulls.list(spec.getInitContainers()), path.child("initContainers"), volumes,
        containerNames));
    errors.addAll(ContainerValidation.oneOf(spec.getRestartPolicy(), RESTART_POLICIES, path.child("restartPolicy")));
    errors.addAll(ContainerValidation.oneOf(spec.getDnsPolicy(), DNS_POLICIES, path.child("dnsPolicy")));
    errors.addAll(ObjectMetaValidation.labels(spec.getNodeSelector(), path.child("nodeSelector")));
    errors.addAll(nameIf(spec.getServiceAccountName(), NameRule.DNS1123_SUBDOMAIN, path.child("serviceAccountName")));
    errors.addAll(nameIf(spec.getNodeName(), NameRule.DNS1123_SUBDOMAIN, path.child("nodeName")));
    Long deadline = spec.getActiveDeadlineSeconds();
    if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
      errors.add(FieldErrors.invalid(path.child("activeDeadlineSeconds"), deadline,
          StringFormats.inclusiveRange(1, Integer.MAX_VALUE)));
    }
    errors.addAll(nameIf(spec.getHostname(), NameRule.DNS1123_LABEL, path.child("hostname")));
    errors.addAll(nameIf(spec.getSubdomain(), NameRule.DNS1123_LABEL, path.child("subdomain")));
    errors.addAll(tolerations(Nulls.list(spec.getTolerations()), path.child("tolerations")));
    return errors;
  }

  /** {@code ValidateTolerations}. */
  static List<FieldError> tolerations(List<Toleration> tolerations, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration toleration = tolerations.get(i);
      FieldPath at = path.index(i);
      String key = Nulls.string(toleration.getKey());
      String operator = Nulls.string(toleration.getOperator());
      String effect = Nulls.string(toleration.getEffect());
      if (!key.isEmpty()) {
        errors.addAll(FieldErrors.invalidEach(at.child("key"), key, StringFormats.qualifiedName(key)));
      } else if (!operator.equals("Exists")) {
        errors.add(FieldErrors.invalid(at.child("operator"), operator,
            "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
      }
      if (toleration.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
        errors.add(FieldErrors.invalid(at.child("effect"), effect,
            "effect must be 'NoExecute' when `tolerationSeconds` is set"));
      }
      switch (operator) {
        case "", "Equal" -> {
          List<String> valueErrors = StringFormats.labelValue(Nulls.string(toleration.getValue()));
          if (!valueErrors.isEmpty()) {
            errors.add(FieldErrors.invalid(at.child("operator"), Nulls.string(toleration.getValue()),
                String.join(";", valueErrors)));
          }
        }
        case "Exists" -> {
          if (!Nulls.isEmpty(toleration.getValue())) {
            errors.add(FieldErrors.invalid(at.child("operator"), GoValue.of(toleration),
                "value must be empty when `operator` is 'Exists'"));
          }
        }
        default -> errors.add(FieldErrors.notSupported(at.child("operator"), operator, List.of("Equal", "Exists")));
      }
      if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
        errors.add(FieldErrors.notSupported(at.child("effect"), effect, TAINT_EFFECTS));
      }
    }
    return errors;
  }

  private static List<FieldError> volumes(List<Volume> volumes, FieldPath path, Set<String> valid) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      FieldPath at = path.index(i);
      List<FieldError> volumeErrors = new ArrayList<>();
      int sources = PodSpecDefaults.sourceCount(volume);
      if (sources == 0) {
        volumeErrors.add(FieldErrors.required(at, "must specify a volume type"));
      } else if (sources > 1) {
        volumeErrors.add(FieldErrors.forbidden(at, "may not specify more than 1 volume type"));
      }
      String name = Nulls.string(volume.getName());
      if (name.isEmpty()) {
        volumeErrors.add(FieldErrors.required(at.child("name")));
      } else {
        volumeErrors.addAll(FieldErrors.invalidEach(at.child("name"), name, StringFormats.dns1123Label(name)));
      }
      if (seen.contains(name)) {
        volumeErrors.add(FieldErrors.duplicate(at.child("name"), name));
      }
      if (volumeErrors.isEmpty()) {
        seen.add(name);
        valid.add(name);
      }
      errors.addAll(volumeErrors);
    }
    return errors;
  }

  private static List<FieldError> containers(List<Container> containers, FieldPath path, Set<String> volumes,
      Set<String> names) {
    List<FieldError> errors = new ArrayList<>();
    if (containers.isEmpty()) {
      errors.add(FieldErrors.required(path));
    }
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      FieldPath at = path.index(i);
      errors.addAll(ContainerValidation.common(container, at, volumes));
      if (!names.add(Nulls.string(container.getName()))) {
        errors.add(FieldErrors.duplicate(at.child("name"), container.getName()));
      }
      errors.addAll(ContainerValidation.probes(container, at));
      if (container.getRestartPolicy() != null) {
        errors.add(FieldErrors.forbidden(at.child("restartPolicy"), "may not be set for non-init containers"));
      }
    }
    return errors;
  }

  // init container names must also differ from the regular containers' names
  private static List<FieldError> initContainers(List<Container> containers, FieldPath path, Set<String> volumes,
      Set<String> names) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      FieldPath at = path.index(i);
      errors.addAll(ContainerValidation.common(container, at, volumes));
      String restartPolicy = container.getRestartPolicy();
      if (restartPolicy != null && !restartPolicy.equals("Always")) {
        errors.add(FieldErrors.notSupported(at.child("restartPolicy"), restartPolicy, List.of("Always")));
      }
      String name = Nulls.string(container.getName());
      if (names.contains(name)) {
        errors.add(FieldErrors.duplicate(at.child("name"), name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
      if ("Always".equals(restartPolicy)) {
        errors.addAll(ContainerValidation.probes(container, at));
      } else {
        forbidIfSet(container.getLifecycle(), at.child("lifecycle"), errors);
        forbidIfSet(container.getLivenessProbe(), at.child("livenessProbe"), errors);
        forbidIfSet(container.getReadinessProbe(), at.child("readinessProbe"), errors);
        forbidIfSet(container.getStartupProbe(), at.child("startupProbe"), errors);
      }
    }
    return errors;
  }

  private static void forbidIfSet(Object value, FieldPath path, List<FieldError> errors) {
    if (value != null) {
      errors.add(FieldErrors.forbidden(path, INIT_ONLY_WITH_ALWAYS));
    }
  }

  private static List<FieldError> nameIf(String value, NameRule rule, FieldPath path) {
    return Nulls.isEmpty(value) ? List.of() : FieldErrors.invalidEach(path, value, rule.check(value));
  }
}
