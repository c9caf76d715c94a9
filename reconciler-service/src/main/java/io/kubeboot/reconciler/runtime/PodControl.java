package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.DaemonThreads;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Upstream's {@code PodControl} with its expectations: creates and deletes the pods of one owner
 * (ReplicaSet, Job), tells {@link Expectations} what it will see, and records the events
 * {@code SuccessfulCreate}, {@code FailedCreate} and {@code SuccessfulDelete} about the owner.
 * As upstream, creations go in slow-start batches and deletions all at once, each call on a
 * thread of its own (at most {@link #PARALLEL_CALLS} at a time): one round trip after another,
 * a ReplicaSet of 1,000 would take a thousand.
 */
public final class PodControl {

  static final int PARALLEL_CALLS = 32;

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Expectations expectations;
  private final String component;
  private final ParallelCalls calls;

  public PodControl(KubernetesClient client, EventRecorder events, Expectations expectations, String component) {
    this.client = client;
    this.events = events;
    this.expectations = expectations;
    this.component = component;
    ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLEL_CALLS, PARALLEL_CALLS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), DaemonThreads.named(component + "-pod-control"));
    pool.allowCoreThreadTimeOut(true);
    this.calls = new ParallelCalls(pool);
  }

  /**
   * Creates {@code count} pods from {@code template} in slow-start batches; after a batch with a
   * failure the rest are not tried, and the first failure is thrown.
   */
  public void create(ObjectKey key, HasMetadata owner, PodTemplateSpec template, int count) {
    expectations.expect(key, count, List.of());
    ParallelCalls.Outcome outcome = calls.slowStart(count, () -> {
      Pod created;
      try {
        created = client.pods().inNamespace(key.namespace()).resource(PodTemplates.podFor(owner, template)).create();
      } catch (KubernetesClientException e) {
        events.warning(owner, component, "FailedCreate", "Error creating: " + e.getMessage());
        throw e;
      }
      events.normal(owner, component, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    });
    if (outcome.failure() != null) {
      // the failed ones and the ones not tried will never be seen
      expectations.creationsObserved(key, count - outcome.successes());
      throw outcome.failure();
    }
  }

  /** Deletes {@code victims} in parallel; one already gone counts as deleted, any other failure is thrown. */
  public void delete(ObjectKey key, HasMetadata owner, List<Pod> victims) {
    expectations.expect(key, 0, victims);
    RuntimeException failure = calls.all(victims.stream().<Runnable>map(pod -> () -> delete(key, owner, pod)).toList())
        .failure();
    if (failure != null) {
      throw failure;
    }
  }

  private void delete(ObjectKey key, HasMetadata owner, Pod pod) {
    try {
      if (client.pods().inNamespace(key.namespace()).withName(pod.getMetadata().getName()).delete().isEmpty()) {
        expectations.deletionObserved(key, pod); // gone already: its event may have passed before we expected it
        return;
      }
    } catch (KubernetesClientException e) {
      expectations.deletionObserved(key, pod); // never to be seen
      throw e;
    }
    events.normal(owner, component, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
  }
}
