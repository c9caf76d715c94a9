package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's {@code ValidateLabelSelector} and {@code LabelSelectorAsSelector} semantics: a
 * missing selector selects nothing, an empty one selects everything.
 */
final class LabelSelectors {

  private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

  private LabelSelectors() {
  }

  static List<FieldError> validate(LabelSelector selector, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    if (selector == null) {
      return errors;
    }
    errors.addAll(ObjectMetaValidation.labels(selector.getMatchLabels(), path.child("matchLabels")));
    List<LabelSelectorRequirement> expressions = Nulls.list(selector.getMatchExpressions());
    for (int i = 0; i < expressions.size(); i++) {
      errors.addAll(requirement(expressions.get(i), path.child("matchExpressions").index(i)));
    }
    return errors;
  }

  /** Whether the selector can be turned into a selector at all (upstream: no conversion error). */
  static boolean convertible(LabelSelector selector) {
    return validate(selector, FieldPath.of("selector")).isEmpty();
  }

  /** A selector that is absent matches nothing; one without terms matches everything. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> set = Nulls.map(labels);
    for (Map.Entry<String, String> term : Nulls.map(selector.getMatchLabels()).entrySet()) {
      if (!Objects.equals(term.getValue(), set.get(term.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement requirement : Nulls.list(selector.getMatchExpressions())) {
      if (!matches(requirement, set)) {
        return false;
      }
    }
    return true;
  }

  /** Upstream's {@code selector.Empty()}: present and without any term. */
  static boolean isEmpty(LabelSelector selector) {
    return selector != null && Nulls.map(selector.getMatchLabels()).isEmpty()
        && Nulls.list(selector.getMatchExpressions()).isEmpty();
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = Nulls.list(requirement.getValues());
    return switch (Nulls.string(requirement.getOperator())) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(requirement.getKey());
      case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
      default -> false;
    };
  }

  private static List<FieldError> requirement(LabelSelectorRequirement requirement, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    String operator = Nulls.string(requirement.getOperator());
    List<String> values = Nulls.list(requirement.getValues());
    if (operator.equals("In") || operator.equals("NotIn")) {
      if (values.isEmpty()) {
        errors.add(FieldErrors.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
    } else if (OPERATORS.contains(operator)) {
      if (!values.isEmpty()) {
        errors.add(FieldErrors.forbidden(path.child("values"),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
    } else {
      errors.add(FieldErrors.invalid(path.child("operator"), operator, "not a valid selector operator"));
    }
    String key = Nulls.string(requirement.getKey());
    errors.addAll(FieldErrors.invalidEach(path.child("key"), key, StringFormats.qualifiedName(key)));
    for (int i = 0; i < values.size(); i++) {
      errors.addAll(FieldErrors.invalidEach(path.child("values").index(i), values.get(i),
          StringFormats.labelValue(Nulls.string(values.get(i)))));
    }
    return errors;
  }
}
