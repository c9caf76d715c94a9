package io.kubeboot.common.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one metric, registered once per set of label values and then looked up by them.
 * A Micrometer builder's {@code register} builds, sorts and hashes a meter id and runs the
 * registry's filters on every call; on a per-request path that cost more than the measurement,
 * so the request paths keep their meters here, keyed by a record of their labels.
 *
 * @param <K> the label values, a record
 * @param <M> the meter type
 */
public final class MetersByLabels<K, M extends Meter> {

  private final Map<K, M> meters = new ConcurrentHashMap<>();
  private final Function<K, M> register;

  /** @param register registers the meter of one set of labels; called once per set */
  public MetersByLabels(Function<K, M> register) {
    this.register = register;
  }

  public M get(K labels) {
    M meter = meters.get(labels);
    return meter != null ? meter : meters.computeIfAbsent(labels, register);
  }
}
