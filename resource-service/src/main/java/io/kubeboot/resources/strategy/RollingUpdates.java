package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's checks of {@code maxSurge}/{@code maxUnavailable} values: a non-negative integer or
 * a percentage, at most 100% where a fraction of the pods is meant.
 */
final class RollingUpdates {

  private RollingUpdates() {
  }

  /** {@code ValidatePositiveIntOrPercent}. */
  static List<FieldError> intOrPercent(IntOrString value, FieldPath path) {
    if (value == null || value.getValue() == null) {
      return List.of();
    }
    if (value.getStrVal() != null) {
      return FieldErrors.invalidEach(path, GoValue.of(value), StringFormats.percent(value.getStrVal()));
    }
    return FieldErrors.nonNegative(value.getIntVal(), path);
  }

  /** {@code IsNotMoreThan100Percent}. */
  static List<FieldError> atMost100Percent(IntOrString value, FieldPath path) {
    Integer percent = percent(value);
    if (percent == null || percent <= 100) {
      return List.of();
    }
    return List.of(FieldErrors.invalid(path, GoValue.of(value), "must not be greater than 100%"));
  }

  /** {@code getIntOrPercentValue}: the number of a percentage, the integer, or 0 for anything else. */
  static int value(IntOrString value) {
    Integer percent = percent(value);
    if (percent != null) {
      return percent;
    }
    if (value == null || value.getValue() == null) {
      return 0;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    try {
      return Integer.parseInt(value.getStrVal());
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  /** A Deployment's: both may not be 0, maxUnavailable at most 100%. */
  static List<FieldError> deployment(IntOrString maxUnavailable, IntOrString maxSurge, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(intOrPercent(maxUnavailable, path.child("maxUnavailable")));
    errors.addAll(intOrPercent(maxSurge, path.child("maxSurge")));
    if (value(maxUnavailable) == 0 && value(maxSurge) == 0) {
      errors.add(FieldErrors.invalid(path.child("maxUnavailable"), GoValue.of(orZero(maxUnavailable)),
          "may not be 0 when `maxSurge` is 0"));
    }
    errors.addAll(atMost100Percent(maxUnavailable, path.child("maxUnavailable")));
    return errors;
  }

  /** A DaemonSet's: exactly one of the two is non-zero, both at most 100%. */
  static List<FieldError> daemonSet(IntOrString maxUnavailable, IntOrString maxSurge, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(intOrPercent(maxUnavailable, path.child("maxUnavailable")));
    errors.addAll(intOrPercent(maxSurge, path.child("maxSurge")));
    errors.addAll(atMost100Percent(maxUnavailable, path.child("maxUnavailable")));
    errors.addAll(atMost100Percent(maxSurge, path.child("maxSurge")));
    boolean unavailable = value(maxUnavailable) != 0;
    boolean surge = value(maxSurge) != 0;
    if (unavailable && surge) {
      errors.add(FieldErrors.invalid(path.child("maxSurge"), GoValue.of(maxSurge),
          "may not be set when maxUnavailable is non-zero"));
    } else if (!unavailable && !surge) {
      errors.add(FieldErrors.required(path.child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
    }
    return errors;
  }

  private static IntOrString orZero(IntOrString value) {
    return value == null || value.getValue() == null ? new IntOrString(0) : value;
  }

  private static Integer percent(IntOrString value) {
    if (value == null || value.getStrVal() == null || !StringFormats.percent(value.getStrVal()).isEmpty()) {
      return null;
    }
    String digits = value.getStrVal().substring(0, value.getStrVal().length() - 1);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return Integer.MAX_VALUE;
    }
  }
}
