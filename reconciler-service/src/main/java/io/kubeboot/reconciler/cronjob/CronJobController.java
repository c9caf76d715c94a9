package io.kubeboot.reconciler.cronjob;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Owners;
import io.kubeboot.reconciler.runtime.Result;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts a CronJob's Jobs on schedule, as upstream's cronjob controller (v2): keeps
 * {@code status.active}, {@code lastScheduleTime} and {@code lastSuccessfulTime}, applies the
 * concurrency policy and the starting deadline, prunes finished Jobs beyond the history limits, and
 * queues itself for the next scheduled time, so no resync is needed to start a run.
 */
public final class CronJobController implements Controller {

  static final String COMPONENT = "cronjob-controller";

  private final KubernetesClient client;
  private final ResourceInformer<CronJob> cronJobs;
  private final ResourceInformer<Job> jobs;
  private final EventRecorder events;
  private final Clock clock;

  public CronJobController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.cronJobs = informers.of(CronJob.class);
    this.jobs = informers.of(Job.class);
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "cronjob";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    cronJobs.addEventHandler(ResourceEventHandler.enqueueing(queue));
    jobs.addEventHandler(Owners.enqueueingOwner("CronJob", queue));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<CronJob> cached = cronJobs.get(key);
    if (cached.isEmpty()) {
      return Result.done();
    }
    CronJob cronJob = cached.get();
    List<Job> children = jobs.byIndex(Indexes.OWNER_UID, cronJob.getMetadata().getUid()).stream()
        .filter(job -> Owners.controlledBy(job, cronJob)).toList();
    CronJobSync.Observed observed = CronJobSync.observe(cronJob, children);
    observed.events().forEach(event -> events.record(cronJob, COMPONENT, event));
    CronJobStatus status = withoutMissing(cronJob, observed);
    CronJob current = new CronJobBuilder(cronJob).withStatus(status).build();

    Result result = Result.done();
    if (cronJob.getMetadata().getDeletionTimestamp() == null) {
      Optional<CronSchedule> schedule = schedule(cronJob);
      if (schedule.isPresent() && !Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
        current = new CronJobBuilder(cronJob).withStatus(startDue(current, schedule.get())).build();
        result = ScheduleTimes.untilNext(current, clock.instant(), schedule.get()).map(Result::requeueAfter)
            .orElse(Result.done());
      }
    }
    if (!Objects.equals(cronJob.getStatus() == null ? new CronJobStatus() : cronJob.getStatus(), current.getStatus())) {
      client.batch().v1().cronjobs().inNamespace(key.namespace()).resource(current).updateStatus();
    }
    if (cronJob.getMetadata().getDeletionTimestamp() == null) {
      deleteBeyondHistory(cronJob, children);
    }
    return result;
  }

  /** Active references whose Job the API no longer has either go: the Job went missing. */
  private CronJobStatus withoutMissing(CronJob cronJob, CronJobSync.Observed observed) {
    List<ObjectReference> active = new ArrayList<>(observed.status().getActive());
    for (ObjectReference reference : observed.unseen()) {
      // the cache may lag a Job just created: only the API can tell that it is gone
      Job live = client.batch().v1().jobs().inNamespace(reference.getNamespace()).withName(reference.getName()).get();
      if (live == null || !live.getMetadata().getUid().equals(reference.getUid())) {
        events.normal(cronJob, COMPONENT, "MissingJob", "Active job went missing: " + reference.getName());
        active.remove(reference);
      }
    }
    return new CronJobStatusBuilder(observed.status()).withActive(active).build();
  }

  /** The parsed schedule, or empty after a warning event when it or its time zone cannot be used. */
  private Optional<CronSchedule> schedule(CronJob cronJob) {
    String schedule = cronJob.getSpec().getSchedule();
    String timeZone = cronJob.getSpec().getTimeZone();
    if (timeZone != null && schedule.contains("TZ")) {
      events.warning(cronJob, COMPONENT, "UnsupportedSchedule",
          "CRON_TZ or TZ used in schedule \"" + schedule + "\" is not officially supported, see "
              + "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details");
    }
    try {
      return Optional.of(CronSchedule.parse(schedule, timeZone));
    } catch (IllegalArgumentException e) {
      boolean zone = e.getMessage() != null && e.getMessage().startsWith("unknown time zone");
      events.warning(cronJob, COMPONENT, zone ? "UnknownTimeZone" : "UnparseableSchedule",
          zone ? "invalid timeZone: \"" + timeZone + "\": " + e.getMessage()
              : "unparseable schedule: \"" + schedule + "\" : " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Starts the Job of the due scheduled time if the policy allows; returns the status to write. */
  private CronJobStatus startDue(CronJob cronJob, CronSchedule schedule) {
    Instant now = clock.instant();
    CronJobSync.Decision decision;
    try {
      decision = CronJobSync.decide(cronJob, now, schedule);
    } catch (IllegalArgumentException e) {
      events.warning(cronJob, COMPONENT, "InvalidSchedule", "invalid schedule: " + cronJob.getSpec().getSchedule()
          + " : " + e.getMessage());
      return cronJob.getStatus();
    }
    if (decision.tooManyMissed()) {
      events.warning(cronJob, COMPONENT, "TooManyMissedTimes",
          "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
    }
    switch (decision.action()) {
      case TOO_LATE -> events.warning(cronJob, COMPONENT, "MissSchedule", "Missed scheduled time to start a job: "
          + DateTimeFormatter.RFC_1123_DATE_TIME.format(decision.scheduledTime().atZone(ZoneOffset.UTC)));
      case FORBIDDEN -> events.normal(cronJob, COMPONENT, "JobAlreadyActive",
          "Not starting job because prior execution is running and concurrency policy is Forbid");
      case START -> {
        return start(cronJob, schedule, decision);
      }
      default -> {
        // nothing due, or its Job started already
      }
    }
    return cronJob.getStatus();
  }

  private CronJobStatus start(CronJob cronJob, CronSchedule schedule, CronJobSync.Decision decision) {
    List<ObjectReference> active = new ArrayList<>(CronJobSync.active(cronJob));
    if (decision.replaceActive()) {
      for (ObjectReference reference : List.copyOf(active)) {
        deleteJob(cronJob, reference.getNamespace(), reference.getName());
        active.remove(reference);
      }
    }
    Job job = CronJobSync.jobFor(cronJob, decision.scheduledTime(), schedule);
    Job created;
    try {
      created = client.batch().v1().jobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(job).create();
      events.normal(cronJob, COMPONENT, "SuccessfulCreate", "Created job " + created.getMetadata().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        events.warning(cronJob, COMPONENT, "FailedCreate", "Error creating job: " + e.getMessage());
        throw e;
      }
      // created by an earlier sync whose status write was lost: the name is the lock
      created = client.batch().v1().jobs().inNamespace(cronJob.getMetadata().getNamespace())
          .withName(job.getMetadata().getName()).get();
      if (created == null || !Owners.controlledBy(created, cronJob)) {
        return new CronJobStatusBuilder(cronJob.getStatus()).withActive(active).build();
      }
    }
    String uid = created.getMetadata().getUid();
    if (active.stream().noneMatch(reference -> uid.equals(reference.getUid()))) {
      active.add(CronJobSync.referenceTo(created));
    }
    return new CronJobStatusBuilder(cronJob.getStatus()).withActive(active)
        .withLastScheduleTime(decision.scheduledTime().toString()).build();
  }

  private void deleteBeyondHistory(CronJob cronJob, List<Job> children) {
    for (Job job : CronJobSync.beyondHistory(cronJob, children)) {
      deleteJob(cronJob, job.getMetadata().getNamespace(), job.getMetadata().getName());
    }
  }

  /** Deletes a Job and, through the garbage collector, its pods, as upstream with background propagation. */
  private void deleteJob(CronJob cronJob, String namespace, String name) {
    try {
      client.batch().v1().jobs().inNamespace(namespace).withName(name)
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        events.warning(cronJob, COMPONENT, "FailedDelete", "Deleted job: " + e.getMessage());
        throw e;
      }
    }
    events.normal(cronJob, COMPONENT, "SuccessfulDelete", "Deleted job " + name);
  }
}
