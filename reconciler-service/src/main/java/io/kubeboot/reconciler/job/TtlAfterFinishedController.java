package io.kubeboot.reconciler.job;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Upstream's ttl-after-finished controller: a Job finished (Complete or Failed) for
 * {@code ttlSecondsAfterFinished} seconds is deleted, and its pods with it by the garbage collector.
 * The Job is read again from the API before deleting, so a TTL changed meanwhile is honoured.
 */
public final class TtlAfterFinishedController implements Controller {

  private final KubernetesClient client;
  private final ResourceInformer<Job> jobs;
  private final Clock clock;

  public TtlAfterFinishedController(KubernetesClient client, Informers informers, Clock clock) {
    this.client = client;
    this.jobs = informers.of(Job.class);
    this.clock = clock;
  }

  @Override
  public String name() {
    return "ttlafterfinished";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    jobs.addEventHandler(ResourceEventHandler.enqueueing(queue));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Job> cached = jobs.get(key);
    if (cached.isEmpty() || untilExpiry(cached.get(), clock.instant()).isEmpty()) {
      return Result.done();
    }
    Duration left = untilExpiry(cached.get(), clock.instant()).get();
    if (!left.isZero()) {
      return Result.requeueAfter(left);
    }
    Job live = client.batch().v1().jobs().inNamespace(key.namespace()).withName(key.name()).get();
    Optional<Duration> liveLeft = live == null ? Optional.empty() : untilExpiry(live, clock.instant());
    if (liveLeft.isEmpty()) {
      return Result.done();
    }
    if (!liveLeft.get().isZero()) {
      return Result.requeueAfter(liveLeft.get());
    }
    // upstream deletes in the foreground; this cluster's garbage collector works in the background,
    // which removes the pods just the same, only after the Job rather than before it
    client.batch().v1().jobs().inNamespace(key.namespace()).withName(key.name())
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    return Result.done();
  }

  /** How long until a finished Job with a TTL expires (zero once it has); empty if it never does. */
  static Optional<Duration> untilExpiry(Job job, Instant now) {
    Integer ttl = job.getSpec() == null ? null : job.getSpec().getTtlSecondsAfterFinished();
    Optional<JobCondition> finished = JobConditions.finished(job);
    if (ttl == null || finished.isEmpty() || job.getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    String at = finished.get().getLastTransitionTime();
    Instant finishedAt = at != null ? Instant.parse(at)
        : Instant.parse(job.getMetadata().getCreationTimestamp());
    Duration left = Duration.between(now, finishedAt.plusSeconds(ttl));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }
}
