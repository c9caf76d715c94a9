package io.kubeboot.reconciler.cronjob;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Upstream's schedule arithmetic for one CronJob: the most recent scheduled time not yet run, how
 * many were missed, and when the next one is due. Pure, so that a test can move the clock.
 */
final class ScheduleTimes {

  /** Upstream's {@code nextScheduleDelta}: wake a little after the scheduled time, never just before it. */
  static final Duration WAKE_DELAY = Duration.ofMillis(100);
  /** More missed times than this are not worth counting: a clock is wrong or the controller was down long. */
  static final int MANY_MISSED = 100;

  enum Missed { NONE, FEW, MANY }

  /**
   * @param earliest the time from which schedules count: the last scheduled run, or the creation
   * @param mostRecent the latest scheduled time in {@code (earliest, now]}, if any
   */
  record Recent(Instant earliest, Optional<Instant> mostRecent, Missed missed) {
  }

  private ScheduleTimes() {
  }

  /**
   * @param withStartingDeadline whether schedules older than {@code startingDeadlineSeconds} are ignored
   * @throws IllegalArgumentException when two consecutive times are less than a second apart: no real schedule
   */
  static Recent mostRecent(CronJob cronJob, Instant now, CronSchedule schedule, boolean withStartingDeadline) {
    Instant earliest = Instant.parse(cronJob.getMetadata().getCreationTimestamp());
    if (cronJob.getStatus() != null && cronJob.getStatus().getLastScheduleTime() != null) {
      earliest = Instant.parse(cronJob.getStatus().getLastScheduleTime());
    }
    Long deadline = cronJob.getSpec().getStartingDeadlineSeconds();
    if (withStartingDeadline && deadline != null && now.minusSeconds(deadline).isAfter(earliest)) {
      earliest = now.minusSeconds(deadline);
    }
    Optional<Instant> t1 = schedule.next(earliest);
    if (t1.isEmpty() || now.isBefore(t1.get())) {
      return new Recent(earliest, Optional.empty(), Missed.NONE);
    }
    Optional<Instant> t2 = schedule.next(t1.get());
    if (t2.isEmpty() || now.isBefore(t2.get())) {
      return new Recent(earliest, t1, Missed.NONE);
    }
    long interval = Math.round(Duration.between(t1.get(), t2.get()).toMillis() / 1000.0);
    if (interval < 1) {
      throw new IllegalArgumentException("time difference between two schedules is less than 1 second");
    }
    long missed = Duration.between(t1.get(), now).toSeconds() / interval + 1;
    // jump close to now by whole intervals, then let the schedule find the exact latest time; one
    // interval less, so that irregular schedules (30 6-16/4 * * 1-5) are not overshot
    Instant from = t1.get().plusSeconds((missed - 2) * interval);
    Instant latest = null;
    for (Optional<Instant> t = schedule.next(from); t.isPresent() && !t.get().isAfter(now);
        t = schedule.next(t.get())) {
      latest = t.get();
    }
    Missed kind = missed > MANY_MISSED ? Missed.MANY : missed > 1 ? Missed.FEW : Missed.NONE;
    return new Recent(earliest, Optional.ofNullable(latest), kind);
  }

  /** How long until the controller should look at the CronJob again for its next scheduled time. */
  static Optional<Duration> untilNext(CronJob cronJob, Instant now, CronSchedule schedule) {
    Recent recent;
    try {
      recent = mostRecent(cronJob, now, schedule, false);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Instant from = recent.mostRecent().orElse(recent.missed() == Missed.NONE ? recent.earliest() : now);
    return schedule.next(from).map(next -> Duration.between(now, next.plus(WAKE_DELAY)));
  }
}
