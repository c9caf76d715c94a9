package io.kubeboot.reconciler.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Expectations;
import io.kubeboot.reconciler.runtime.PodControl;
import io.kubeboot.reconciler.runtime.OwnedPods;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.PodClaims;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Runs Jobs' pods to completion, as upstream's job controller: claims the pods its selector
 * matches, lets {@link JobSync} decide, creates and deletes pods through {@link PodControl}, and
 * writes status, conditions and events. A finished Job (Complete or Failed) is left alone; the
 * {@link TtlAfterFinishedController} deletes it later if asked to.
 */
public final class JobController implements Controller {

  static final String COMPONENT = "job-controller";

  private final KubernetesClient client;
  private final ResourceInformer<Job> jobs;
  private final ResourceInformer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private final Expectations expectations = new Expectations();
  private final PodClaims claims;
  private final PodControl podControl;

  public JobController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.jobs = informers.of(Job.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.claims = new PodClaims(client);
    this.podControl = new PodControl(client, events, expectations, COMPONENT);
  }

  @Override
  public String name() {
    return "job";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    jobs.addEventHandler(ResourceEventHandler.enqueueing(queue));
    OwnedPods.watch(pods, "Job", jobs, (job, pod) -> hasSelector(job)
        && PodClaims.wouldAdopt(job.getSpec().getSelector(), pod), expectations, queue);
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Job> cached = jobs.get(key);
    if (cached.isEmpty()) {
      expectations.forget(key);
      return Result.done();
    }
    Job job = cached.get();
    if (JobConditions.finished(job).isPresent() || job.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    JobPods jobPods = JobPods.of(!hasSelector(job) ? List.of()
        : claims.claim(job, job.getSpec().getSelector(), pods.byIndex(Indexes.NAMESPACE, key.namespace())),
        clock.instant());
    JobSync.Plan plan = JobSync.plan(job, jobPods, expectations.satisfied(key), clock.instant());
    if (!plan.delete().isEmpty()) {
      podControl.delete(key, job, plan.delete());
    }
    if (plan.create() > 0) {
      podControl.create(key, job, job.getSpec().getTemplate(), plan.create());
    }
    if (JobSync.differs(job, plan.status())) {
      client.batch().v1().jobs().inNamespace(key.namespace()).resource(new JobBuilder(job).withStatus(plan.status())
          .build()).updateStatus();
    }
    plan.events().forEach(event -> events.record(job, COMPONENT, event));
    return plan.recheckAfter().map(Result::requeueAfter).orElse(Result.done());
  }

  /** The API always gives a Job a selector; without one it claims nothing. */
  private static boolean hasSelector(Job job) {
    return job.getSpec() != null && job.getSpec().getSelector() != null;
  }
}
