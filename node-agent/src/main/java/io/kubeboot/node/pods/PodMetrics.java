package io.kubeboot.node.pods;

import io.fabric8.kubernetes.api.model.Pod;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.kubeboot.node.runtime.ContainerSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The kubelet's own metrics, by upstream's names: pod start latency and what runs now. */
class PodMetrics {

  private final Timer podStart;
  private final AtomicInteger runningPods = new AtomicInteger();
  private final AtomicInteger runningContainers = new AtomicInteger();
  private final Clock clock;

  PodMetrics(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.podStart = Timer.builder("kubelet.pod.start.duration")
        .description("Duration from the pod's creation until it is seen Running")
        .publishPercentileHistogram()
        .register(registry);
    Gauge.builder("kubelet.running.pods", runningPods, AtomicInteger::get)
        .description("Number of pods with a running sandbox").register(registry);
    Gauge.builder("kubelet.running.containers", runningContainers, AtomicInteger::get)
        .description("Number of running containers").register(registry);
  }

  void podStarted(Pod pod) {
    Instant created = Instant.parse(pod.getMetadata().getCreationTimestamp());
    podStart.record(Duration.between(created, clock.instant()));
  }

  void observed(List<ContainerSnapshot> nodeContainers) {
    runningPods.set((int) nodeContainers.stream().filter(c -> c.sandbox() && c.running()).count());
    runningContainers.set((int) nodeContainers.stream().filter(c -> !c.sandbox() && c.running()).count());
  }
}
