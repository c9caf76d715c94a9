package io.kubeboot.common.scheduling;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether tolerations tolerate a taint, by upstream's rules: for the scheduler, the DaemonSet
 * controller and taint-based eviction alike.
 */
public final class Tolerations {

  private Tolerations() {
  }

  public static boolean tolerates(List<Toleration> tolerations, Taint taint) {
    return tolerations != null && tolerations.stream().anyMatch(toleration -> tolerates(toleration, taint));
  }

  /** Upstream's {@code FindMatchingUntoleratedTaint}: the first taint {@code filter} selects that no toleration tolerates. */
  public static Optional<Taint> firstUntolerated(List<Taint> taints, List<Toleration> tolerations,
      Predicate<Taint> filter) {
    return taints == null ? Optional.empty()
        : taints.stream().filter(filter).filter(taint -> !tolerates(tolerations, taint)).findFirst();
  }

  /**
   * An empty effect matches every effect; an empty key with {@code Exists} matches every taint;
   * {@code Equal} (the default operator) also compares the values.
   */
  public static boolean tolerates(Toleration toleration, Taint taint) {
    if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (!isEmpty(toleration.getKey()) && !toleration.getKey().equals(taint.getKey())) {
      return false;
    }
    String operator = isEmpty(toleration.getOperator()) ? "Equal" : toleration.getOperator();
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> !isEmpty(toleration.getKey()) && nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
      default -> false;
    };
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
