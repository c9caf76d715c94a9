package io.kubeboot.common.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metrics come out in Prometheus under client-go's names, so upstream dashboards work. */
class WorkQueueMetricsTest {

  @Test
  void prometheusShowsUpstreamNamesAndTheTimesMeasured() throws Exception {
    MockClock clock = new MockClock();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    WorkQueue<String> queue = new WorkQueue<>("pods", registry,
        new ExponentialBackoffRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1)), clock);

    queue.add("a");
    queue.add("b");
    clock.add(Duration.ofSeconds(2));
    String a = queue.take();
    clock.add(Duration.ofSeconds(3));
    String whileWorking = registry.scrape();
    queue.addRateLimited(a);
    queue.done(a);
    String after = registry.scrape();

    assertThat(whileWorking)
        .contains("workqueue_depth{name=\"pods\"} 1")
        .contains("workqueue_adds_total{name=\"pods\"} 2")
        .contains("workqueue_queue_duration_seconds_count{name=\"pods\"} 1")
        .contains("workqueue_queue_duration_seconds_sum{name=\"pods\"} 2")
        .contains("workqueue_queue_duration_seconds_bucket{name=\"pods\",le=\"10.0\"} 1")
        .contains("workqueue_unfinished_work_seconds{name=\"pods\"} 3")
        .contains("workqueue_longest_running_processor_seconds{name=\"pods\"} 3");
    assertThat(after)
        .contains("workqueue_work_duration_seconds_sum{name=\"pods\"} 3")
        .contains("workqueue_retries_total{name=\"pods\"} 1")
        .contains("workqueue_longest_running_processor_seconds{name=\"pods\"} 0");
  }
}
