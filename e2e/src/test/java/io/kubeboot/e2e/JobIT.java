package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Job controller with the real scheduler and a node agent on Docker, driven by the real kubectl:
 * Jobs run their pods to completion within parallelism, fail past their backoff limit, and go away
 * after their TTL.
 */
class JobIT {

  static final String NS = "jobs";
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
  void completionsRunAtMostParallelismPodsAtOnceAndCompleteTheJob() throws Exception {
    PodConcurrency concurrency = new PodConcurrency();
    try (Watch watch = cluster.client.pods().inNamespace(NS).withLabel("batch.kubernetes.io/job-name", "count")
        .watch(concurrency)) {
      Kubectl.Result applied = cluster.kubectl.withInput("""
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: count
          spec:
            completions: 3
            parallelism: 2
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: work
                  image: %s
                  command: ["sh", "-c", "sleep 2"]
          """.formatted(IMAGE), "-n", NS, "apply", "-f", "-");
      assertThat(applied.exitCode()).as(applied.toString()).isZero();

      Process waiting = startWait(cluster, NS, "count", "complete");
      assertWaitReturns(waiting, "job.batch/count condition met");
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(concurrency.succeeded()).hasSize(3));
    }

    assertThat(concurrency.maxActive()).isEqualTo(2);
    Job job = cluster.client.batch().v1().jobs().inNamespace(NS).withName("count").get();
    assertThat(job.getStatus().getSucceeded()).isEqualTo(3);
    assertThat(job.getStatus().getActive()).isZero();
    assertThat(job.getStatus().getCompletionTime()).isNotNull();
    assertThat(job.getStatus().getConditions()).extracting(c -> c.getType())
        .containsExactly("SuccessCriteriaMet", "Complete");
    List<Pod> pods = cluster.client.pods().inNamespace(NS).withLabel("job-name", "count").list().getItems();
    assertThat(pods).hasSize(3).allSatisfy(pod -> {
      assertThat(pod.getMetadata().getLabels()).containsEntry("batch.kubernetes.io/controller-uid",
          job.getMetadata().getUid()).containsEntry("controller-uid", job.getMetadata().getUid());
      assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid()));
    });
    assertThat(reasons("count")).contains("SuccessfulCreate", "Completed");
  }

  @Test
  void kubectlCreateJobRunsOnePodToCompletionUnderAGeneratedSelector() throws Exception {
    Kubectl.Result created = cluster.kubectl.run("-n", NS, "create", "job", "hello", "--image=" + IMAGE, "--",
        "sh", "-c", "echo hello");
    assertThat(created.exitCode()).as(created.toString()).isZero();

    Process waiting = startWait(cluster, NS, "hello", "complete");
    assertWaitReturns(waiting, "job.batch/hello condition met");
    Job job = cluster.client.batch().v1().jobs().inNamespace(NS).withName("hello").get();
    assertThat(job.getSpec().getSelector().getMatchLabels())
        .containsExactly(Map.entry("batch.kubernetes.io/controller-uid", job.getMetadata().getUid()));
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(6);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("NonIndexed");
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    Kubectl.Result logs = cluster.kubectl.run("-n", NS, "logs", "job/hello");
    assertThat(logs.out()).as(logs.toString()).contains("hello");
  }

  @Test
  void podsFailingPastTheBackoffLimitFailTheJob() throws Exception {
    Kubectl.Result applied = cluster.kubectl.withInput("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: broken
        spec:
          backoffLimit: 1
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: work
                image: %s
                command: ["sh", "-c", "exit 1"]
        """.formatted(IMAGE), "-n", NS, "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();

    // the second pod starts only after the first failure's 10 s back-off
    Process waiting = startWait(cluster, NS, "broken", "failed");
    assertWaitReturns(waiting, "job.batch/broken condition met");
    Job job = cluster.client.batch().v1().jobs().inNamespace(NS).withName("broken").get();
    assertThat(job.getStatus().getFailed()).isEqualTo(2);
    assertThat(job.getStatus().getConditions()).filteredOn(c -> "Failed".equals(c.getType())).singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reasons("broken"))
        .contains("BackoffLimitExceeded"));
  }

  @Test
  void aFinishedJobIsDeletedWithItsPodsAfterItsTtl() {
    Kubectl.Result applied = cluster.kubectl.withInput("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: brief
        spec:
          ttlSecondsAfterFinished: 3
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: work
                image: %s
                command: ["true"]
        """.formatted(IMAGE), "-n", NS, "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    await().atMost(Duration.ofSeconds(60)).until(() -> cluster.client.pods().inNamespace(NS)
        .withLabel("job-name", "brief").list().getItems().size() == 1);

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      assertThat(cluster.client.batch().v1().jobs().inNamespace(NS).withName("brief").get()).isNull();
      assertThat(cluster.client.pods().inNamespace(NS).withLabel("job-name", "brief").list().getItems()).isEmpty();
    });
  }

  /**
   * Starts {@code kubectl wait --for=condition=...} while the Job still runs, as a user would: it
   * must see the condition arrive and exit by itself. Its timeout is generous for a busy machine.
   */
  static Process startWait(WorkloadCluster cluster, String namespace, String job, String condition) throws Exception {
    return cluster.kubectl.start("-n", namespace, "wait", "--for=condition=" + condition, "job/" + job,
        "--timeout=170s");
  }

  static void assertWaitReturns(Process waiting, String expected) throws Exception {
    try {
      assertThat(waiting.waitFor(180, TimeUnit.SECONDS)).as("kubectl wait exited").isTrue();
      String out = new String(waiting.getInputStream().readAllBytes());
      assertThat(waiting.exitValue()).as(out).isZero();
      assertThat(out).contains(expected);
    } finally {
      waiting.destroyForcibly();
    }
  }

  private static List<String> reasons(String jobName) {
    return cluster.client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> jobName.equals(e.getInvolvedObject().getName()) && "Job".equals(e.getInvolvedObject().getKind()))
        .map(Event::getReason).toList();
  }

  /** Follows a Job's pods through a watch and remembers the most that were ever active at once. */
  static final class PodConcurrency implements Watcher<Pod> {
    private final Map<String, Boolean> active = new HashMap<>();
    private final Set<String> succeeded = new HashSet<>();
    private final AtomicInteger max = new AtomicInteger();

    @Override
    public synchronized void eventReceived(Action action, Pod pod) {
      String name = pod.getMetadata().getName();
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      boolean finished = "Succeeded".equals(phase) || "Failed".equals(phase);
      active.put(name, action != Action.DELETED && !finished && pod.getMetadata().getDeletionTimestamp() == null);
      if ("Succeeded".equals(phase)) {
        succeeded.add(name);
      }
      max.accumulateAndGet((int) active.values().stream().filter(Boolean::booleanValue).count(), Math::max);
    }

    @Override
    public void onClose(WatcherException cause) {
    }

    synchronized Set<String> succeeded() {
      return Set.copyOf(succeeded);
    }

    int maxActive() {
      return max.get();
    }
  }
}
