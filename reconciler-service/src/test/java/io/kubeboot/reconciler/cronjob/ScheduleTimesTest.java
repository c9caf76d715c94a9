package io.kubeboot.reconciler.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTimesTest {

  static final CronSchedule EVERY_MINUTE = CronSchedule.parse("*/1 * * * *", null);

  @Test
  void nothingIsDueBeforeTheFirstTimeAfterCreation() {
    CronJob cronJob = cronJob("2026-11-30T10:00:10Z", null, null);

    ScheduleTimes.Recent recent = ScheduleTimes.mostRecent(cronJob, at("2026-11-30T10:00:50Z"), EVERY_MINUTE, true);

    assertThat(recent.mostRecent()).isEmpty();
    assertThat(recent.missed()).isEqualTo(ScheduleTimes.Missed.NONE);
  }

  @Test
  void theLatestPassedTimeIsDueAndEarlierOnesCountAsMissed() {
    CronJob cronJob = cronJob("2026-11-30T10:00:10Z", "2026-11-30T10:01:00Z", null);

    ScheduleTimes.Recent one = ScheduleTimes.mostRecent(cronJob, at("2026-11-30T10:02:05Z"), EVERY_MINUTE, true);
    ScheduleTimes.Recent few = ScheduleTimes.mostRecent(cronJob, at("2026-11-30T10:05:05Z"), EVERY_MINUTE, true);

    assertThat(one.mostRecent()).contains(at("2026-11-30T10:02:00Z"));
    assertThat(one.missed()).isEqualTo(ScheduleTimes.Missed.NONE);
    assertThat(few.mostRecent()).contains(at("2026-11-30T10:05:00Z"));
    assertThat(few.missed()).isEqualTo(ScheduleTimes.Missed.FEW);
  }

  @Test
  void moreThanAHundredMissedTimesAreManyUnlessTheStartingDeadlineIgnoresThem() {
    CronJob cronJob = cronJob("2026-11-29T10:00:10Z", "2026-11-29T10:01:00Z", null);
    CronJob withDeadline = cronJob("2026-11-29T10:00:10Z", "2026-11-29T10:01:00Z", 200L);
    Instant now = at("2026-11-30T10:00:30Z");

    ScheduleTimes.Recent many = ScheduleTimes.mostRecent(cronJob, now, EVERY_MINUTE, true);
    ScheduleTimes.Recent bounded = ScheduleTimes.mostRecent(withDeadline, now, EVERY_MINUTE, true);

    assertThat(many.missed()).isEqualTo(ScheduleTimes.Missed.MANY);
    assertThat(many.mostRecent()).contains(at("2026-11-30T10:00:00Z"));
    assertThat(bounded.missed()).isEqualTo(ScheduleTimes.Missed.FEW);
    assertThat(bounded.mostRecent()).contains(at("2026-11-30T10:00:00Z"));
  }

  @Test
  void theControllerWakesJustAfterTheNextScheduledTime() {
    Clock clock = Clock.fixed(at("2026-11-30T10:02:20Z"), ZoneOffset.UTC);
    CronJob cronJob = cronJob("2026-11-30T10:00:10Z", "2026-11-30T10:02:00Z", null);

    Optional<Duration> wait = ScheduleTimes.untilNext(cronJob, clock.instant(), EVERY_MINUTE);

    assertThat(wait).contains(Duration.ofSeconds(40).plus(ScheduleTimes.WAKE_DELAY));
  }

  @Test
  void anUnmetTimeStillSchedulesTheWakeAtTheFollowingOne() {
    // Forbid kept 10:02 from starting: the next look is at 10:03, not never
    CronJob cronJob = cronJob("2026-11-30T10:00:10Z", "2026-11-30T10:01:00Z", null);

    Optional<Duration> wait = ScheduleTimes.untilNext(cronJob, at("2026-11-30T10:02:20Z"), EVERY_MINUTE);

    assertThat(wait).contains(Duration.ofSeconds(40).plus(ScheduleTimes.WAKE_DELAY));
  }

  static CronJob cronJob(String created, String lastScheduled, Long startingDeadline) {
    return new CronJobBuilder().withNewMetadata().withName("tick").withNamespace("ns")
        .withCreationTimestamp(created).withUid("cj-uid").endMetadata()
        .withNewSpec().withSchedule("*/1 * * * *").withStartingDeadlineSeconds(startingDeadline)
        .withConcurrencyPolicy("Allow").endSpec()
        .withNewStatus().withLastScheduleTime(lastScheduled).endStatus().build();
  }

  static Instant at(String time) {
    return Instant.parse(time);
  }
}
