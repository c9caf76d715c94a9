package io.kubeboot.reconciler.cronjob;

import static io.kubeboot.reconciler.cronjob.ScheduleTimesTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronJobSyncTest {

  static final CronSchedule EVERY_MINUTE = CronSchedule.parse("*/1 * * * *", null);
  static final Instant NOW = at("2026-11-30T10:02:05Z");

  @Test
  void forbidDoesNotStartWhileAJobIsActive() {
    CronJobSync.Decision decision = CronJobSync.decide(cronJob("Forbid", null, "tick-29409540"), NOW, EVERY_MINUTE);

    assertThat(decision.action()).isEqualTo(CronJobSync.Action.FORBIDDEN);
    assertThat(decision.scheduledTime()).isEqualTo(at("2026-11-30T10:02:00Z"));
  }

  @Test
  void forbidStartsOnceNothingIsActive() {
    CronJobSync.Decision decision = CronJobSync.decide(cronJob("Forbid", null, null), NOW, EVERY_MINUTE);

    assertThat(decision.action()).isEqualTo(CronJobSync.Action.START);
    assertThat(decision.replaceActive()).isFalse();
  }

  @Test
  void replaceStartsAndReplacesTheActiveJob() {
    CronJobSync.Decision decision = CronJobSync.decide(cronJob("Replace", null, "tick-29409540"), NOW, EVERY_MINUTE);

    assertThat(decision.action()).isEqualTo(CronJobSync.Action.START);
    assertThat(decision.replaceActive()).isTrue();
  }

  @Test
  void allowStartsBesideTheActiveJob() {
    CronJobSync.Decision decision = CronJobSync.decide(cronJob("Allow", null, "tick-29409540"), NOW, EVERY_MINUTE);

    assertThat(decision.action()).isEqualTo(CronJobSync.Action.START);
    assertThat(decision.replaceActive()).isFalse();
  }

  @Test
  void aTimeOlderThanTheStartingDeadlineIsNotStartedLate() {
    CronJobSync.Decision late = CronJobSync.decide(cronJob("Allow", 3L, null), NOW, EVERY_MINUTE);
    CronJobSync.Decision inTime = CronJobSync.decide(cronJob("Allow", 10L, null), NOW, EVERY_MINUTE);

    assertThat(late.action()).isEqualTo(CronJobSync.Action.NONE);
    assertThat(inTime.action()).isEqualTo(CronJobSync.Action.START);
  }

  @Test
  void aTimeWhoseJobIsActiveIsNotStartedTwice() {
    String name = "tick-" + at("2026-11-30T10:02:00Z").getEpochSecond() / 60;

    CronJobSync.Decision decision = CronJobSync.decide(cronJob("Allow", null, name), NOW, EVERY_MINUTE);

    assertThat(decision.action()).isEqualTo(CronJobSync.Action.ALREADY_STARTED);
  }

  @Test
  void theLastScheduledTimeIsNotDueAgain() {
    CronJob cronJob = new CronJobBuilder(cronJob("Allow", null, null)).editStatus()
        .withLastScheduleTime("2026-11-30T10:02:00Z").endStatus().build();

    assertThat(CronJobSync.decide(cronJob, NOW, EVERY_MINUTE).action()).isEqualTo(CronJobSync.Action.NONE);
  }

  @Test
  void theJobIsNamedByTheScheduledMinuteAndCarriesTheScheduledTimestamp() {
    CronSchedule berlin = CronSchedule.parse("*/1 * * * *", "Europe/Berlin");

    Job job = CronJobSync.jobFor(cronJob("Allow", null, null), at("2026-11-30T10:02:00Z"), berlin);

    assertThat(job.getMetadata().getName()).isEqualTo("tick-29933882");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(CronJobSync.SCHEDULED_TIMESTAMP, "2026-11-30T11:02:00+01:00");
    assertThat(job.getMetadata().getLabels()).containsEntry("app", "tick");
    assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getKind()).isEqualTo("CronJob");
      assertThat(owner.getController()).isTrue();
    });
  }

  @Test
  void finishedJobsLeaveTheActiveListAndSuccessesMoveLastSuccessfulTime() {
    CronJob cronJob = cronJob("Allow", null, "done");
    Job done = job("done", "uid-done", "Complete", "2026-11-30T10:00:00Z", "2026-11-30T10:01:30Z");

    CronJobSync.Observed observed = CronJobSync.observe(cronJob, List.of(done));

    assertThat(observed.status().getActive()).isEmpty();
    assertThat(observed.status().getLastSuccessfulTime()).isEqualTo("2026-11-30T10:01:30Z");
    assertThat(observed.events()).extracting(e -> e.reason()).containsExactly("SawCompletedJob");
    assertThat(observed.unseen()).isEmpty();
  }

  @Test
  void historyKeepsTheNewestFinishedJobsOfEachOutcome() {
    CronJob cronJob = new CronJobBuilder(cronJob("Allow", null, null)).editSpec().withSuccessfulJobsHistoryLimit(1)
        .withFailedJobsHistoryLimit(0).endSpec().build();
    List<Job> children = List.of(
        job("ok-1", "u1", "Complete", "2026-11-30T10:00:00Z", "2026-11-30T10:00:10Z"),
        job("ok-2", "u2", "Complete", "2026-11-30T10:01:00Z", "2026-11-30T10:01:10Z"),
        job("bad", "u3", "Failed", "2026-11-30T09:59:00Z", null),
        job("running", "u4", null, "2026-11-30T10:02:00Z", null));

    assertThat(CronJobSync.beyondHistory(cronJob, children)).extracting(j -> j.getMetadata().getName())
        .containsExactly("ok-1", "bad");
  }

  static CronJob cronJob(String policy, Long startingDeadline, String activeJob) {
    CronJobBuilder builder = new CronJobBuilder(ScheduleTimesTest.cronJob("2026-11-30T10:00:10Z",
        "2026-11-30T10:01:00Z", startingDeadline)).editSpec().withConcurrencyPolicy(policy)
        .withNewJobTemplate().withNewMetadata().addToLabels("app", "tick").endMetadata().withNewSpec().endSpec()
        .endJobTemplate().endSpec();
    if (activeJob != null) {
      builder.editStatus().addToActive(new ObjectReferenceBuilder().withKind("Job").withName(activeJob)
          .withNamespace("ns").withUid("uid-" + activeJob).build()).endStatus();
    }
    return builder.build();
  }

  static Job job(String name, String uid, String finished, String started, String completed) {
    JobBuilder builder = new JobBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid(uid)
        .endMetadata().withNewStatus().withStartTime(started).withCompletionTime(completed).endStatus();
    if (finished != null) {
      builder.editStatus().addNewCondition().withType(finished).withStatus("True").endCondition().endStatus();
    }
    return builder.build();
  }
}
