package io.kubeboot.common.workqueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.IntStream;

/**
 * client-go's workqueue metrics, named so that Prometheus shows them as upstream does
 * ({@code workqueue_depth{name=...}}, {@code workqueue_adds_total}, ...), so upstream dashboards
 * and alerts apply unchanged.
 */
final class WorkQueueMetrics {

  /** Upstream's buckets: 10 ns to 10 s, one per power of ten. */
  private static final Duration[] BUCKETS = IntStream.range(0, 10)
      .mapToObj(power -> Duration.ofNanos((long) (10 * Math.pow(10, power))))
      .toArray(Duration[]::new);

  private final Counter adds;
  private final Counter retries;
  private final Timer queueDuration;
  private final Timer workDuration;

  WorkQueueMetrics(String name, MeterRegistry registry, WorkQueue<?> queue) {
    Tags tags = Tags.of("name", name);
    Gauge.builder("workqueue.depth", queue, WorkQueue::depth)
        .description("Current depth of workqueue").tags(tags).register(registry);
    Gauge.builder("workqueue.unfinished.work", queue, WorkQueue::unfinishedWorkSeconds).baseUnit("seconds")
        .description("Seconds of work in progress that has not been observed by work_duration; "
            + "large values indicate stuck workers")
        .tags(tags).register(registry);
    Gauge.builder("workqueue.longest.running.processor", queue, WorkQueue::longestRunningSeconds)
        .baseUnit("seconds").description("How many seconds the longest running processor has been running")
        .tags(tags).register(registry);
    adds = Counter.builder("workqueue.adds").description("Total number of adds handled by workqueue")
        .tags(tags).register(registry);
    retries = Counter.builder("workqueue.retries").description("Total number of retries handled by workqueue")
        .tags(tags).register(registry);
    queueDuration = Timer.builder("workqueue.queue.duration")
        .description("How long an item stays in workqueue before being requested")
        .serviceLevelObjectives(BUCKETS).tags(tags).register(registry);
    workDuration = Timer.builder("workqueue.work.duration")
        .description("How long processing an item from workqueue takes")
        .serviceLevelObjectives(BUCKETS).tags(tags).register(registry);
  }

  void added() {
    adds.increment();
  }

  void retried() {
    retries.increment();
  }

  void waited(long nanos) {
    queueDuration.record(Duration.ofNanos(nanos));
  }

  void worked(long nanos) {
    workDuration.record(Duration.ofNanos(nanos));
  }
}
