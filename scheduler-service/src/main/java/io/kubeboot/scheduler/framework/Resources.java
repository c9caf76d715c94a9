package io.kubeboot.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;

/** The resources the scheduler accounts for: cpu in millicores, memory in bytes, and a pod count. */
public record Resources(long milliCpu, long memory, long pods) {

  public static final Resources NONE = new Resources(0, 0, 0);

  public Resources plus(Resources other) {
    return new Resources(milliCpu + other.milliCpu, memory + other.memory, pods + other.pods);
  }

  public Resources minus(Resources other) {
    return new Resources(milliCpu - other.milliCpu, memory - other.memory, pods - other.pods);
  }

  /** The larger of each resource. */
  public Resources max(Resources other) {
    return new Resources(Math.max(milliCpu, other.milliCpu), Math.max(memory, other.memory),
        Math.max(pods, other.pods));
  }

  /** cpu, memory and pods read from a {@code requests}, {@code capacity} or {@code allocatable} map. */
  public static Resources of(Map<String, Quantity> quantities) {
    if (quantities == null) {
      return NONE;
    }
    return new Resources(milliCpu(quantities.get("cpu")), bytes(quantities.get("memory")),
        bytes(quantities.get("pods")));
  }

  private static long milliCpu(Quantity quantity) {
    // rounded up, as upstream's MilliValue: a request of 0.0001 cpu still takes a millicore
    return quantity == null ? 0 : Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(1000))
        .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  private static long bytes(Quantity quantity) {
    return quantity == null ? 0 : Quantity.getAmountInBytes(quantity)
        .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }
}
