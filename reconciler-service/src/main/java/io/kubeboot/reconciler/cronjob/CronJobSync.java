package io.kubeboot.reconciler.cronjob;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.kubeboot.reconciler.job.JobConditions;
import io.kubeboot.reconciler.runtime.EventRecorder.Planned;
import io.kubeboot.reconciler.runtime.Owners;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The decisions of upstream's cronjob controller, free of I/O: which of its Jobs are still active,
 * whether a scheduled time is due and may start under the concurrency policy, what the Job for it
 * looks like, and which finished Jobs fall beyond the history limits.
 */
final class CronJobSync {

  static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
  /** Go's RFC 3339 layout: whole seconds, "Z" for UTC, otherwise the offset. */
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** The status after looking at the CronJob's Jobs, and the active references whose Job the cache does not hold. */
  record Observed(CronJobStatus status, List<Planned> events, List<ObjectReference> unseen) {
  }

  enum Action {
    /** No scheduled time is due. */
    NONE,
    /** The due time is older than startingDeadlineSeconds allows. */
    TOO_LATE,
    /** A Job for the due time exists already. */
    ALREADY_STARTED,
    /** concurrencyPolicy Forbid and a Job still runs. */
    FORBIDDEN,
    START
  }

  record Decision(Action action, Instant scheduledTime, boolean replaceActive, boolean tooManyMissed) {
  }

  private CronJobSync() {
  }

  /** Upstream's first pass: finished Jobs leave the active list, successes move lastSuccessfulTime. */
  static Observed observe(CronJob cronJob, List<Job> children) {
    CronJobStatus old = cronJob.getStatus() == null ? new CronJobStatus() : cronJob.getStatus();
    List<ObjectReference> active = new ArrayList<>(old.getActive() == null ? List.of() : old.getActive());
    String lastSuccessful = old.getLastSuccessfulTime();
    List<Planned> events = new ArrayList<>();
    for (Job job : children) {
      String uid = job.getMetadata().getUid();
      boolean listed = active.stream().anyMatch(ref -> uid.equals(ref.getUid()));
      Optional<JobCondition> finished = JobConditions.finished(job);
      if (!listed && finished.isEmpty()) {
        events.add(new Planned(true, "UnexpectedJob",
            "Saw a job that the controller did not create or forgot: " + job.getMetadata().getName()));
      } else if (listed && finished.isPresent()) {
        active.removeIf(ref -> uid.equals(ref.getUid()));
        events.add(new Planned(false, "SawCompletedJob", "Saw completed job: " + job.getMetadata().getName()
            + ", condition: " + finished.get().getType()));
      }
      String completion = job.getStatus() == null ? null : job.getStatus().getCompletionTime();
      if (JobConditions.succeeded(job) && completion != null
          && (lastSuccessful == null || Instant.parse(completion).isAfter(Instant.parse(lastSuccessful)))) {
        lastSuccessful = completion;
      }
    }
    Set<String> seen = children.stream().map(job -> job.getMetadata().getUid()).collect(Collectors.toSet());
    List<ObjectReference> unseen = active.stream().filter(ref -> !seen.contains(ref.getUid())).toList();
    CronJobStatus status = new CronJobStatusBuilder(old).withActive(active).withLastSuccessfulTime(lastSuccessful)
        .build();
    return new Observed(status, events, unseen);
  }

  /** Whether a Job is due at {@code now}, and may start; {@code cronJob}'s status must be the observed one. */
  static Decision decide(CronJob cronJob, Instant now, CronSchedule schedule) {
    String last = cronJob.getStatus() == null ? null : cronJob.getStatus().getLastScheduleTime();
    ScheduleTimes.Recent recent = ScheduleTimes.mostRecent(cronJob, now, schedule, true);
    if (recent.mostRecent().isEmpty() || (last != null && recent.mostRecent().get().equals(Instant.parse(last)))) {
      return new Decision(Action.NONE, null, false, false);
    }
    Instant scheduled = recent.mostRecent().get();
    boolean tooMany = recent.missed() == ScheduleTimes.Missed.MANY;
    Long deadline = cronJob.getSpec().getStartingDeadlineSeconds();
    if (deadline != null && scheduled.plusSeconds(deadline).isBefore(now)) {
      return new Decision(Action.TOO_LATE, scheduled, false, tooMany);
    }
    List<ObjectReference> active = active(cronJob);
    String name = jobName(cronJob, scheduled);
    if (active.stream().anyMatch(ref -> name.equals(ref.getName()))) {
      return new Decision(Action.ALREADY_STARTED, scheduled, false, tooMany);
    }
    String policy = cronJob.getSpec().getConcurrencyPolicy();
    if ("Forbid".equals(policy) && !active.isEmpty()) {
      return new Decision(Action.FORBIDDEN, scheduled, false, tooMany);
    }
    return new Decision(Action.START, scheduled, "Replace".equals(policy) && !active.isEmpty(), tooMany);
  }

  /** {@code <cronjob>-<scheduled time in minutes since the epoch>}: one name per run, so no retry starts it twice. */
  static String jobName(CronJob cronJob, Instant scheduled) {
    return cronJob.getMetadata().getName() + "-" + scheduled.getEpochSecond() / 60;
  }

  /** The Job of one run: the template's metadata and spec, the scheduled time, and the CronJob as controller. */
  static Job jobFor(CronJob cronJob, Instant scheduled, CronSchedule schedule) {
    var template = cronJob.getSpec().getJobTemplate();
    Map<String, String> labels = new HashMap<>();
    Map<String, String> annotations = new HashMap<>();
    if (template.getMetadata() != null) {
      labels.putAll(template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
      annotations.putAll(template.getMetadata().getAnnotations() == null ? Map.of()
          : template.getMetadata().getAnnotations());
    }
    annotations.put(SCHEDULED_TIMESTAMP, RFC3339.format(scheduled.atZone(schedule.zone())));
    return new JobBuilder()
        .withNewMetadata().withName(jobName(cronJob, scheduled)).withNamespace(cronJob.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(annotations).withOwnerReferences(Owners.controllerReference(cronJob))
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }

  static ObjectReference referenceTo(Job job) {
    return new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
        .withNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid()).withResourceVersion(job.getMetadata().getResourceVersion()).build();
  }

  /** Finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit, oldest first. */
  static List<Job> beyondHistory(CronJob cronJob, List<Job> children) {
    Integer keepSucceeded = cronJob.getSpec().getSuccessfulJobsHistoryLimit();
    Integer keepFailed = cronJob.getSpec().getFailedJobsHistoryLimit();
    List<Job> succeeded = children.stream().filter(JobConditions::succeeded).toList();
    List<Job> failed = children.stream()
        .filter(job -> JobConditions.finished(job).isPresent() && !JobConditions.succeeded(job)).toList();
    return Stream.concat(oldest(succeeded, keepSucceeded), oldest(failed, keepFailed)).toList();
  }

  /** Upstream's order: by start time, Jobs never started last, then by name. */
  private static Stream<Job> oldest(List<Job> jobs, Integer keep) {
    if (keep == null || jobs.size() <= keep) {
      return Stream.empty();
    }
    Comparator<Job> byStart = Comparator.comparing((Job job) -> job.getStatus() == null
        || job.getStatus().getStartTime() == null ? Instant.MAX : Instant.parse(job.getStatus().getStartTime()))
        .thenComparing(job -> job.getMetadata().getName());
    return jobs.stream().sorted(byStart).limit(jobs.size() - keep);
  }

  static List<ObjectReference> active(CronJob cronJob) {
    return cronJob.getStatus() == null || cronJob.getStatus().getActive() == null ? List.of()
        : cronJob.getStatus().getActive();
  }
}
