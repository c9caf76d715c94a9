package io.kubeboot.scheduler;

import io.kubeboot.scheduler.queue.SchedulingQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * kube-scheduler's metrics under its names: {@code scheduler_schedule_attempts_total{result}},
 * {@code scheduler_scheduling_attempt_duration_seconds{result}} and {@code scheduler_pending_pods{queue}}.
 */
final class SchedulerMetrics {

  enum Result { SCHEDULED, UNSCHEDULABLE, ERROR }

  private static final String PROFILE = "default-scheduler";

  private final Map<Result, Counter> attempts = new EnumMap<>(Result.class);
  private final Map<Result, Timer> durations = new EnumMap<>(Result.class);

  SchedulerMetrics(MeterRegistry registry, SchedulingQueue queue) {
    for (Result result : Result.values()) {
      String tag = result.name().toLowerCase(Locale.ROOT);
      attempts.put(result, Counter.builder("scheduler.schedule.attempts")
          .description("Number of attempts to schedule pods, by the result")
          .tags("result", tag, "profile", PROFILE).register(registry));
      durations.put(result, Timer.builder("scheduler.scheduling.attempt.duration")
          .description("Scheduling attempt latency (scheduling algorithm + binding)")
          .tags("result", tag, "profile", PROFILE).publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
    }
    pending(registry, queue, "active", SchedulingQueue.Place.ACTIVE);
    pending(registry, queue, "backoff", SchedulingQueue.Place.BACKOFF);
    pending(registry, queue, "unschedulable", SchedulingQueue.Place.UNSCHEDULABLE);
  }

  void attempt(Result result, long startedNanos) {
    attempts.get(result).increment();
    durations.get(result).record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private static void pending(MeterRegistry registry, SchedulingQueue queue, String name, SchedulingQueue.Place place) {
    Gauge.builder("scheduler.pending.pods", queue, q -> q.count(place))
        .description("Number of pending pods, by the queue type").tags("queue", name).register(registry);
  }
}
