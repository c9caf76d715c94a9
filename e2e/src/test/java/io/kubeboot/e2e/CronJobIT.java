package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CronJob controller with the Job controller, the real scheduler and a node agent on Docker,
 * driven by the real kubectl: schedules are validated at the API, runs start on time under their
 * concurrency policy, and a Job can be started by hand from a CronJob's template.
 */
class CronJobIT {

  static final String NS = "cron";
  static final String IMAGE = "kubeboot/busybox:latest";
  static WorkloadCluster cluster;

  @BeforeAll
  static void start() {
    cluster = WorkloadCluster.start(NS, 1, "scheduler-service", "reconciler-service");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void invalidSchedulesAndTimeZonesAreRejectedAtCreate() {
    Kubectl.Result badSchedule = cluster.kubectl.run("-n", NS, "create", "cronjob", "bad", "--image=" + IMAGE,
        "--schedule=61 * * * *");
    Kubectl.Result badZone = cluster.kubectl.withInput(cronJob("zoned", "*/5 * * * *", "Allow", "true")
        .replace("spec:\n  schedule", "spec:\n  timeZone: Mars/Olympus\n  schedule"), "-n", NS, "apply", "-f", "-");

    assertThat(badSchedule.exitCode()).isNotZero();
    assertThat(badSchedule.err()).contains("spec.schedule: Invalid value");
    assertThat(badZone.exitCode()).isNotZero();
    assertThat(badZone.err()).contains("spec.timeZone: Invalid value");
    assertThat(cluster.client.batch().v1().cronjobs().inNamespace(NS).withName("bad").get()).isNull();
    assertThat(cluster.client.batch().v1().cronjobs().inNamespace(NS).withName("zoned").get()).isNull();
  }

  @Test
  void kubectlCreatesACronJobAndAJobFromIt() throws Exception {
    Kubectl.Result created = cluster.kubectl.run("-n", NS, "create", "cronjob", "yearly", "--image=" + IMAGE,
        "--schedule=@yearly", "--", "sh", "-c", "echo by hand");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    CronJob cronJob = cluster.client.batch().v1().cronjobs().inNamespace(NS).withName("yearly").get();
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Allow");
    assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);

    Kubectl.Result fromCronJob = cluster.kubectl.run("-n", NS, "create", "job", "manual", "--from=cronjob/yearly");
    assertThat(fromCronJob.exitCode()).as(fromCronJob.toString()).isZero();
    JobIT.assertWaitReturns(JobIT.startWait(cluster, NS, "manual", "complete"), "job.batch/manual condition met");
    Job manual = cluster.client.batch().v1().jobs().inNamespace(NS).withName("manual").get();
    assertThat(manual.getMetadata().getAnnotations()).containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(manual.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(cronJob.getMetadata().getUid()));
  }

  /**
   * Every minute, Forbid, a run of 90 s: the first Job starts at a minute boundary; at the next
   * boundary it still runs (it lasts longer than a minute, however slow the machine), so the
   * controller, woken by its own timer, refuses to start another. Jobs seen through a watch prove
   * that no second one appeared while the first was unfinished.
   */
  @Test
  void forbidStartsNoSecondJobWhileTheFirstRuns() throws Exception {
    JobLog log = new JobLog();
    try (Watch watch = cluster.client.batch().v1().jobs().inNamespace(NS).watch(log)) {
      Kubectl.Result applied = cluster.kubectl.withInput(cronJob("tick", "*/1 * * * *", "Forbid", "sleep 90"),
          "-n", NS, "apply", "-f", "-");
      assertThat(applied.exitCode()).as(applied.toString()).isZero();

      await().atMost(Duration.ofSeconds(100)).until(() -> log.firstTickJob() != null);
      String first = log.firstTickJob();
      await().atMost(Duration.ofSeconds(240)).until(() -> log.finished(first));

      assertThat(log.tickJobsAddedBeforeFinished(first)).containsExactly(first);
      assertThat(reasons("tick")).contains("SuccessfulCreate", "JobAlreadyActive");
      Job job = cluster.client.batch().v1().jobs().inNamespace(NS).withName(first).get();
      String scheduled = job.getMetadata().getAnnotations().get("batch.kubernetes.io/cronjob-scheduled-timestamp");
      assertThat(first).isEqualTo("tick-" + Instant.parse(scheduled).getEpochSecond() / 60);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        CronJob tick = cluster.client.batch().v1().cronjobs().inNamespace(NS).withName("tick").get();
        assertThat(tick.getStatus().getLastScheduleTime()).isNotNull();
        assertThat(tick.getStatus().getLastSuccessfulTime()).isNotNull();
      });
    } finally {
      cluster.kubectl.run("-n", NS, "delete", "cronjob", "tick", "--wait=false");
    }
  }

  private static String cronJob(String name, String schedule, String policy, String command) {
    return """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: %s
        spec:
          schedule: "%s"
          concurrencyPolicy: %s
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: work
                    image: %s
                    command: ["sh", "-c", "%s"]
        """.formatted(name, schedule, policy, IMAGE, command);
  }

  private static List<String> reasons(String cronJobName) {
    return cluster.client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> cronJobName.equals(e.getInvolvedObject().getName())
            && "CronJob".equals(e.getInvolvedObject().getKind()))
        .map(Event::getReason).toList();
  }

  /** The order in which a watch saw Jobs of the CronJob {@code tick} appear and finish. */
  static final class JobLog implements Watcher<Job> {
    private final List<String> seen = new ArrayList<>();

    @Override
    public synchronized void eventReceived(Action action, Job job) {
      String name = job == null || job.getMetadata() == null ? null : job.getMetadata().getName();
      if (name == null || !name.startsWith("tick-")) {
        return;
      }
      if (!seen.contains("added " + name)) {
        seen.add("added " + name);
      }
      boolean finished = job.getStatus() != null && job.getStatus().getConditions() != null
          && job.getStatus().getConditions().stream().anyMatch(c -> ("Complete".equals(c.getType())
          || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
      if (finished && !seen.contains("finished " + name)) {
        seen.add("finished " + name);
      }
    }

    @Override
    public void onClose(WatcherException cause) {
    }

    synchronized String firstTickJob() {
      return seen.stream().filter(e -> e.startsWith("added ")).map(e -> e.substring(6)).findFirst().orElse(null);
    }

    synchronized boolean finished(String name) {
      return seen.contains("finished " + name);
    }

    /** The tick Jobs that appeared before {@code name} was seen finished. */
    synchronized List<String> tickJobsAddedBeforeFinished(String name) {
      int end = seen.indexOf("finished " + name);
      return seen.subList(0, end).stream().filter(e -> e.startsWith("added ")).map(e -> e.substring(6)).toList();
    }
  }
}
