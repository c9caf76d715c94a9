package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's {@code ComputePodQOS}: Guaranteed when every container limits cpu and memory and
 * requests equal limits, BestEffort when nothing is requested or limited, Burstable otherwise.
 * Only cpu and memory count.
 */
final class QosClasses {

  private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

  private QosClasses() {
  }

  static String of(PodSpec spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    List<Container> containers = new ArrayList<>(Nulls.list(spec.getContainers()));
    containers.addAll(Nulls.list(spec.getInitContainers()));
    for (Container container : containers) {
      if (container.getResources() == null) {
        guaranteed = false;
        continue;
      }
      sumPositive(container.getResources().getRequests(), requests);
      Set<String> limited = sumPositive(container.getResources().getLimits(), limits);
      if (!limited.containsAll(QOS_RESOURCES)) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return "BestEffort";
    }
    if (guaranteed && requests.size() == limits.size() && requests.entrySet().stream()
        .allMatch(e -> limits.containsKey(e.getKey()) && limits.get(e.getKey()).compareTo(e.getValue()) == 0)) {
      return "Guaranteed";
    }
    return "Burstable";
  }

  /** Adds the positive cpu and memory amounts into {@code sums}; returns which resources were positive. */
  private static Set<String> sumPositive(Map<String, Quantity> quantities, Map<String, BigDecimal> sums) {
    Set<String> positive = new java.util.HashSet<>();
    for (Map.Entry<String, Quantity> entry : Nulls.map(quantities).entrySet()) {
      if (!QOS_RESOURCES.contains(entry.getKey())) {
        continue;
      }
      BigDecimal amount = ResourceQuantities.amount(entry.getValue());
      if (amount != null && amount.signum() > 0) {
        positive.add(entry.getKey());
        sums.merge(entry.getKey(), amount, BigDecimal::add);
      }
    }
    return positive;
  }
}
