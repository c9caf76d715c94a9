package io.kubeboot.node.probes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Upstream's prober metrics: {@code prober_probe_total{probe_type,result,container,pod,namespace,pod_uid}}
 * and {@code prober_probe_duration_seconds}. A container's series go when its prober stops, as upstream.
 */
class ProbeMetrics {

  private static final String TOTAL = "prober.probe";
  private static final String DURATION = "prober.probe.duration";

  private final MeterRegistry registry;

  ProbeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(ProbeType type, ProbeResult result, Duration took, String namespace, String pod, String podUid,
      String container) {
    Counter.builder(TOTAL).description("Cumulative number of a liveness, readiness or startup probe for a container "
            + "by result")
        .tag("probe_type", type.label()).tag("result", result.metricLabel())
        .tag("namespace", namespace).tag("pod", pod).tag("pod_uid", podUid).tag("container", container)
        .register(registry).increment();
    Timer.builder(DURATION).description("Duration in seconds for a probe response")
        .tag("probe_type", type.label()).tag("namespace", namespace).tag("pod", pod).tag("pod_uid", podUid)
        .tag("container", container)
        .register(registry).record(took);
  }

  void forget(String podUid, String container) {
    for (String name : new String[] {TOTAL, DURATION}) {
      registry.find(name).tag("pod_uid", podUid).tag("container", container).meters().forEach(registry::remove);
    }
  }
}
