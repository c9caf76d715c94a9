package io.kubeboot.reconciler.cronjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:07:30Z"); // a Monday

  @Test
  void stepsRangesAndListsInFiveFields() {
    assertThat(next("*/15 * * * *", null)).isEqualTo("2026-11-30T10:15:00Z");
    assertThat(next("5-10/5 * * * *", null)).isEqualTo("2026-11-30T10:10:00Z");
    assertThat(next("0 1,13 * * *", null)).isEqualTo("2026-11-30T13:00:00Z");
    assertThat(next("30 9 * jan-mar *", null)).isEqualTo("2027-01-01T09:30:00Z");
  }

  @Test
  void macrosNameTheirFixedSchedules() {
    assertThat(next("@hourly", null)).isEqualTo("2026-11-30T11:00:00Z");
    assertThat(next("@daily", null)).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(next("@weekly", null)).isEqualTo("2026-12-06T00:00:00Z");
    assertThat(next("@monthly", null)).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(next("@yearly", null)).isEqualTo("2027-01-01T00:00:00Z");
  }

  @Test
  void sundayIsZeroAndNamesWork() {
    assertThat(next("0 0 * * 0", null)).isEqualTo("2026-12-06T00:00:00Z");
    assertThat(next("0 0 * * WED", null)).isEqualTo("2026-12-02T00:00:00Z");
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEitherAsStandardCron() {
    // the 13th of December 2026 is a Sunday: Friday the 4th comes first
    assertThat(next("0 0 13 * 5", null)).isEqualTo("2026-12-04T00:00:00Z");
    // a day-of-week of * leaves the day of month alone
    assertThat(next("0 0 13 * *", null)).isEqualTo("2026-12-13T00:00:00Z");
  }

  @Test
  void theTimeZoneFieldShiftsTheSchedule() {
    assertThat(next("0 9 * * *", "Europe/Berlin")).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(next("0 9 * * *", "America/New_York")).isEqualTo("2026-11-30T14:00:00Z");
    assertThat(next("TZ=Asia/Tokyo 0 9 * * *", null)).isEqualTo("2026-12-01T00:00:00Z");
  }

  @Test
  void everyIsAFixedIntervalInWholeSeconds() {
    assertThat(next("@every 90m", null)).isEqualTo("2026-11-30T11:37:30Z");
    assertThat(next("@every 1.5s", null)).isEqualTo("2026-11-30T10:07:31Z");
  }

  @Test
  void aDateThatNeverComesHasNoNextTime() {
    assertThat(CronSchedule.parse("0 0 31 2 *", null).next(NOW)).isEmpty();
  }

  @Test
  void unknownTimeZonesAndBadSchedulesAreRejected() {
    assertThatThrownBy(() -> CronSchedule.parse("* * * * *", "Mars/Olympus")).hasMessageContaining("unknown time zone");
    assertThatThrownBy(() -> CronSchedule.parse("* * * *", null)).hasMessageContaining("expected exactly 5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String next(String schedule, String zone) {
    return CronSchedule.parse(schedule, zone).next(NOW).orElseThrow().toString();
  }
}
