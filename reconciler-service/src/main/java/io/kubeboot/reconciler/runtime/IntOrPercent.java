package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.IntOrString;

/** Upstream's {@code GetScaledValueFromIntOrPercent}, for maxSurge and maxUnavailable of every workload kind. */
public final class IntOrPercent {

  private IntOrPercent() {
  }

  /** An integer as is, a percentage of {@code total} rounded up or down. */
  public static int scaled(IntOrString value, int total, boolean roundUp) {
    if (value.getStrVal() == null) {
      return value.getIntVal() == null ? 0 : value.getIntVal();
    }
    String text = value.getStrVal();
    if (!text.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: " + text);
    }
    double exact = Integer.parseInt(text.substring(0, text.length() - 1)) * total / 100.0;
    return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
  }
}
