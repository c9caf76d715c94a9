package io.kubeboot.reconciler.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSyncTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void activePodsNeverExceedParallelismNorTheRemainingCompletions() {
    Job job = job(3, 2, 6);

    JobSync.Plan start = plan(job, List.of());
    JobSync.Plan lastOne = plan(job, List.of(pod("a", "Succeeded", 0), pod("b", "Succeeded", 0)));

    assertThat(start.create()).isEqualTo(2);
    assertThat(start.status().getActive()).isEqualTo(2);
    assertThat(start.status().getStartTime()).isEqualTo("2026-11-30T10:00:00Z");
    assertThat(lastOne.create()).isEqualTo(1);
    assertThat(lastOne.status().getSucceeded()).isEqualTo(2);
  }

  @Test
  void enoughSuccessesMeetTheCriteriaAndCompleteOnceNothingRuns() {
    Job job = job(3, 2, 6);
    List<Pod> done = List.of(pod("a", "Succeeded", 0), pod("b", "Succeeded", 0), pod("c", "Succeeded", 0));

    JobSync.Plan plan = plan(job, done);

    assertThat(types(plan.status().getConditions())).containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(plan.status().getConditions()).allSatisfy(c -> assertThat(c.getReason()).isEqualTo("CompletionsReached"));
    assertThat(plan.status().getCompletionTime()).isEqualTo("2026-11-30T10:00:00Z");
    assertThat(plan.events()).extracting(e -> e.reason()).containsExactly("Completed");
    assertThat(plan.create()).isZero();
  }

  @Test
  void withoutCompletionsOneSuccessEndsItOnceTheOthersFinish() {
    Job job = new JobBuilder(job(null, 2, 6)).build();

    JobSync.Plan stillRunning = plan(job, List.of(pod("a", "Succeeded", 0), pod("b", "Running", 0)));
    JobSync.Plan finished = plan(job, List.of(pod("a", "Succeeded", 0), pod("b", "Succeeded", 0)));

    assertThat(stillRunning.create()).isZero();
    assertThat(stillRunning.status().getConditions()).isEmpty();
    assertThat(types(finished.status().getConditions())).containsExactly("SuccessCriteriaMet", "Complete");
  }

  @Test
  void moreFailuresThanTheBackoffLimitFailTheJobAndDeleteItsActivePods() {
    Job job = job(3, 2, 1);
    Pod running = pod("c", "Running", 0);

    JobSync.Plan plan = plan(job, List.of(pod("a", "Failed", 0), pod("b", "Failed", 0), running));

    assertThat(types(plan.status().getConditions())).containsExactly("FailureTarget");
    assertThat(plan.status().getConditions().get(0).getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(plan.delete()).containsExactly(running);
    assertThat(plan.status().getFailed()).isEqualTo(2);
  }

  @Test
  void aFailedJobWithNothingRunningIsFailedAtOnceWithAWarning() {
    JobSync.Plan plan = plan(job(1, 1, 0), List.of(pod("a", "Failed", 0)));

    assertThat(types(plan.status().getConditions())).containsExactly("FailureTarget", "Failed");
    assertThat(plan.events()).singleElement().satisfies(e -> {
      assertThat(e.warning()).isTrue();
      assertThat(e.reason()).isEqualTo("BackoffLimitExceeded");
    });
  }

  @Test
  void withRestartPolicyOnFailureContainerRestartsCountAsFailures() {
    Job job = new JobBuilder(job(1, 1, 2)).editSpec().editTemplate().editSpec().withRestartPolicy("OnFailure")
        .endSpec().endTemplate().endSpec().build();

    JobSync.Plan once = plan(job, List.of(pod("a", "Running", 1)));
    JobSync.Plan twice = plan(job, List.of(pod("a", "Running", 2)));

    assertThat(once.status().getConditions()).isEmpty();
    assertThat(types(twice.status().getConditions())).containsExactly("FailureTarget");
  }

  @Test
  void runningPastTheActiveDeadlineFailsAndBeforeItTheJobIsLookedAtAgainInTime() {
    Job job = new JobBuilder(job(1, 1, 6)).editSpec().withActiveDeadlineSeconds(30L).endSpec()
        .withNewStatus().withStartTime("2026-11-30T09:59:50Z").endStatus().build();
    Job expired = new JobBuilder(job).editStatus().withStartTime("2026-11-30T09:59:00Z").endStatus().build();

    JobSync.Plan running = plan(job, List.of(pod("a", "Running", 0)));
    JobSync.Plan late = plan(expired, List.of(pod("a", "Running", 0)));

    assertThat(running.recheckAfter()).contains(Duration.ofSeconds(20));
    assertThat(late.status().getConditions()).extracting(JobCondition::getReason).containsExactly("DeadlineExceeded");
    assertThat(late.delete()).hasSize(1);
  }

  @Test
  void aFailedPodIsReplacedOnlyAfterItsBackoff() {
    Pod failed = new PodBuilder(pod("a", "Failed", 0)).editStatus().addNewContainerStatus().withName("main")
        .withNewState().withNewTerminated().withExitCode(1).withFinishedAt("2026-11-30T09:59:56Z").endTerminated()
        .endState().endContainerStatus().endStatus().build();

    JobSync.Plan plan = plan(job(1, 1, 6), List.of(failed));

    assertThat(plan.create()).isZero();
    assertThat(plan.recheckAfter()).contains(Duration.ofSeconds(6));
  }

  @Test
  void suspendingDeletesTheActivePodsAndSaysSo() {
    Job job = new JobBuilder(job(3, 2, 6)).editSpec().withSuspend(true).endSpec().build();

    JobSync.Plan plan = plan(job, List.of(pod("a", "Running", 0)));

    assertThat(plan.delete()).hasSize(1);
    assertThat(plan.status().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("Suspended");
      assertThat(c.getReason()).isEqualTo("JobSuspended");
    });
    assertThat(plan.events()).extracting(e -> e.reason()).containsExactly("Suspended");
  }

  @Test
  void unobservedCreationsHoldBackFurtherOnes() {
    JobSync.Plan plan = JobSync.plan(job(3, 2, 6), JobPods.of(List.of(), CLOCK.instant()), false, CLOCK.instant());

    assertThat(plan.create()).isZero();
  }

  static JobSync.Plan plan(Job job, List<Pod> pods) {
    return JobSync.plan(job, JobPods.of(pods, CLOCK.instant()), true, CLOCK.instant());
  }

  static Job job(Integer completions, int parallelism, int backoffLimit) {
    return new JobBuilder().withNewMetadata().withName("work").withNamespace("ns").withUid("job-uid").endMetadata()
        .withNewSpec().withCompletions(completions).withParallelism(parallelism).withBackoffLimit(backoffLimit)
        .withSuspend(false).withPodReplacementPolicy("TerminatingOrFailed")
        .withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("main")
        .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build();
  }

  static Pod pod(String name, String phase, int restarts) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns")
        .withCreationTimestamp("2026-11-30T09:59:00Z").endMetadata()
        .withNewStatus().withPhase(phase).addNewContainerStatus().withName("main").withRestartCount(restarts)
        .endContainerStatus().endStatus().build();
  }

  static List<String> types(List<JobCondition> conditions) {
    List<String> types = new ArrayList<>();
    conditions.forEach(c -> types.add(c.getType()));
    return types;
  }
}
