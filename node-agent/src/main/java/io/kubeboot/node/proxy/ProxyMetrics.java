package io.kubeboot.node.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's metrics: upstream kube-proxy's {@code kubeproxy_sync_proxy_rules_duration_seconds},
 * and (kubeboot's own, upstream's userspace proxy had none) the connections each Service port got
 * by outcome and the connections open now.
 */
final class ProxyMetrics {

  enum Outcome {
    /** Spliced to an endpoint. */
    PROXIED,
    /** Closed at once: the Service port has no ready endpoint. */
    NO_ENDPOINTS,
    /** Closed: every endpoint refused or did not answer in time. */
    UNREACHABLE,
    /** Closed: the proxy's connection threads were all busy. */
    REJECTED
  }

  private final MeterRegistry registry;
  private final Timer syncRules;
  private final AtomicInteger active = new AtomicInteger();

  ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.syncRules = Timer.builder("kubeproxy.sync.proxy.rules.duration")
        .description("How long one sync of a Service's listeners and the node's nat rules took")
        .publishPercentileHistogram().register(registry);
    registry.gauge("kubeproxy.active.connections", active);
  }

  Timer syncRules() {
    return syncRules;
  }

  void connection(ServicePortName port, Outcome outcome) {
    Counter.builder("kubeproxy.service.connections")
        .description("Connections accepted for a Service port, by what became of them")
        .tag("namespace", port.service().namespace()).tag("service", port.service().name()).tag("port", port.port())
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).increment();
  }

  void opened() {
    active.incrementAndGet();
  }

  void closed() {
    active.decrementAndGet();
  }
}
