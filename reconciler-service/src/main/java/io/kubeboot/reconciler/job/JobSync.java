package io.kubeboot.reconciler.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.kubeboot.reconciler.replicaset.DeletionRanking;
import io.kubeboot.reconciler.runtime.EventRecorder.Planned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sync of a Job decides, as upstream's {@code syncJob}, without doing it: how many pods to
 * create or which to delete, the status to write, the events to record and when to look again.
 *
 * <p>At most {@code min(parallelism, completions - succeeded)} pods are active; a Job with no
 * completions runs {@code parallelism} pods until one succeeds, then lets the others finish. More
 * failed pods than {@code backoffLimit} (or, with restartPolicy OnFailure, as many container
 * restarts) or running past {@code activeDeadlineSeconds} fail it; enough successes complete it.
 */
final class JobSync {

  record Plan(JobStatus status, int create, List<Pod> delete, List<Planned> events, Optional<Duration> recheckAfter) {
  }

  static final String BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
  static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
  static final String COMPLETIONS_REACHED = "CompletionsReached";
  /** Upstream's burst: at most this many pods created or deleted per sync. */
  static final int BURST = 500;

  private JobSync() {
  }

  /**
   * @param manage false while earlier creations or deletions are not yet seen in the cache: then
   *     pods are neither created nor deleted, lest it be done twice
   */
  static Plan plan(Job job, JobPods pods, boolean manage, Instant clockNow) {
    Instant now = clockNow.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // API times have whole seconds
    JobSpec spec = job.getSpec();
    JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
    List<Planned> events = new ArrayList<>();
    List<JobCondition> conditions = new ArrayList<>(old.getConditions() == null ? List.of() : old.getConditions());
    int succeeded = Math.max(count(old.getSucceeded()), pods.succeeded());
    int failed = Math.max(count(old.getFailed()), pods.failed());
    boolean suspended = Boolean.TRUE.equals(spec.getSuspend());
    String startTime = old.getStartTime();
    Duration recheck = null;

    List<JobCondition> suspension = suspended
        ? JobConditions.ensure(conditions, JobConditions.SUSPENDED, "True", "JobSuspended", "Job suspended", now)
        : JobConditions.ensure(conditions, JobConditions.SUSPENDED, "False", "JobResumed", "Job resumed", now);
    if (suspension != null) {
      conditions = suspension;
      events.add(new Planned(false, suspended ? "Suspended" : "Resumed", suspended ? "Job suspended" : "Job resumed"));
      if (!suspended) {
        startTime = now.toString(); // the deadline counts from the resumption
      }
    }
    if (startTime == null && !suspended) {
      startTime = now.toString();
    }

    List<JobCondition> current = conditions;
    Optional<JobCondition> outcome = JobConditions.find(current, JobConditions.SUCCESS_CRITERIA_MET)
        .or(() -> JobConditions.find(current, JobConditions.FAILURE_TARGET));
    if (outcome.isEmpty()) {
      JobCondition decided = decide(spec, pods, succeeded, failed, suspended, startTime, now);
      if (decided != null) {
        conditions.add(decided);
        outcome = Optional.of(decided);
      } else if (spec.getActiveDeadlineSeconds() != null && !suspended) {
        recheck = Duration.between(now, Instant.parse(startTime).plusSeconds(spec.getActiveDeadlineSeconds()));
      }
    }

    int create = 0;
    List<Pod> delete = List.of();
    String completionTime = old.getCompletionTime();
    if (outcome.isPresent()) {
      delete = manage ? pods.active() : List.of();
      if (pods.active().isEmpty() && pods.terminating() == 0) {
        JobCondition interim = outcome.get();
        String terminal = JobConditions.terminalOf(interim.getType());
        conditions.add(JobConditions.condition(terminal, "True", interim.getReason(), interim.getMessage(), now));
        if (JobConditions.COMPLETE.equals(terminal)) {
          completionTime = now.toString();
          events.add(new Planned(false, "Completed", "Job completed"));
        } else {
          events.add(new Planned(true, interim.getReason(), interim.getMessage()));
        }
      }
    } else if (manage) {
      int wanted = wantedActive(spec, pods, succeeded, suspended);
      int counted = pods.active().size() + ("Failed".equals(spec.getPodReplacementPolicy()) ? pods.terminating() : 0);
      if (counted > wanted) {
        delete = pods.active().stream().sorted(DeletionRanking.FIRST_TO_DELETE)
            .limit(Math.min(pods.active().size() - Math.min(wanted, pods.active().size()), BURST)).toList();
      } else if (counted < wanted) {
        if (pods.replacementBackoff().isZero()) {
          create = Math.min(wanted - counted, BURST);
        } else {
          recheck = min(recheck, pods.replacementBackoff());
        }
      }
    }

    JobStatus status = new JobStatusBuilder(old)
        .withConditions(conditions)
        .withStartTime(startTime)
        .withCompletionTime(completionTime)
        .withActive(pods.active().size() + create - delete.size())
        .withReady(pods.ready())
        .withTerminating(pods.terminating() + delete.size())
        .withSucceeded(succeeded)
        .withFailed(failed)
        .build();
    return new Plan(status, create, delete, events, Optional.ofNullable(recheck).map(JobSync::atLeastASecond));
  }

  /** The interim condition the Job has earned now, or null while it goes on. */
  private static JobCondition decide(JobSpec spec, JobPods pods, int succeeded, int failed, boolean suspended,
      String startTime, Instant now) {
    int backoffLimit = spec.getBackoffLimit() == null ? 6 : spec.getBackoffLimit();
    if (failed > backoffLimit || pastBackoffLimitOnFailure(spec, pods, backoffLimit)) {
      return JobConditions.condition(JobConditions.FAILURE_TARGET, "True", BACKOFF_LIMIT_EXCEEDED,
          "Job has reached the specified backoff limit", now);
    }
    if (spec.getActiveDeadlineSeconds() != null && !suspended && startTime != null
        && !now.isBefore(Instant.parse(startTime).plusSeconds(spec.getActiveDeadlineSeconds()))) {
      return JobConditions.condition(JobConditions.FAILURE_TARGET, "True", DEADLINE_EXCEEDED,
          "Job was active longer than specified deadline", now);
    }
    boolean complete = spec.getCompletions() == null ? succeeded > 0 && pods.active().isEmpty()
        : succeeded >= spec.getCompletions();
    if (complete) {
      return JobConditions.condition(JobConditions.SUCCESS_CRITERIA_MET, "True", COMPLETIONS_REACHED,
          "Reached expected number of succeeded pods", now);
    }
    return null;
  }

  /** With restartPolicy OnFailure the kubelet restarts failed containers in place: those restarts are the failures. */
  private static boolean pastBackoffLimitOnFailure(JobSpec spec, JobPods pods, int backoffLimit) {
    String restartPolicy = spec.getTemplate() == null || spec.getTemplate().getSpec() == null ? null
        : spec.getTemplate().getSpec().getRestartPolicy();
    if (!"OnFailure".equals(restartPolicy)) {
      return false;
    }
    return backoffLimit == 0 ? pods.activeRestarts() > 0 : pods.activeRestarts() >= backoffLimit;
  }

  static int wantedActive(JobSpec spec, JobPods pods, int succeeded, boolean suspended) {
    if (suspended) {
      return 0;
    }
    int parallelism = spec.getParallelism() == null ? 1 : spec.getParallelism();
    if (spec.getCompletions() == null) {
      // any success ends such a Job: start no more, let the running ones finish
      return succeeded > 0 ? pods.active().size() : parallelism;
    }
    return Math.max(0, Math.min(spec.getCompletions() - succeeded, parallelism));
  }

  /** Whether writing {@code status} would change what the Job shows. */
  static boolean differs(Job job, JobStatus status) {
    return !Objects.equals(job.getStatus() == null ? new JobStatus() : job.getStatus(), status);
  }

  private static Duration min(Duration a, Duration b) {
    return a == null || b.compareTo(a) < 0 ? b : a;
  }

  private static Duration atLeastASecond(Duration delay) {
    return delay.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : delay;
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
