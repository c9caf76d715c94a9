package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.scheduler.SchedulerMetrics.Result;
import io.kubeboot.scheduler.binding.BindOutcome;
import io.kubeboot.scheduler.binding.BindingClients;
import io.kubeboot.scheduler.cache.SchedulerCache;
import io.kubeboot.scheduler.framework.Framework;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.ScheduleResult;
import io.kubeboot.scheduler.queue.SchedulingQueue;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling loop: one pod at a time is filtered and scored against the cache, assumed on the
 * chosen node, and bound asynchronously while the next pod is already being placed (upstream's
 * scheduling and binding cycles). Runs only while this replica leads.
 */
final class Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  private static final Duration POP_TIMEOUT = Duration.ofMillis(500);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);

  private final ResourceInformer<Pod> pods;
  private final ResourceInformer<Node> nodes;
  private final SchedulerCache cache;
  private final SchedulingQueue queue;
  private final Framework framework;
  private final BindingClients clients;
  private final PendingPods pending;
  private final SchedulerMetrics metrics;
  private Thread worker;

  Scheduler(ResourceInformer<Pod> pods, ResourceInformer<Node> nodes, SchedulerCache cache, SchedulingQueue queue,
      Framework framework, BindingClients clients, PendingPods pending, SchedulerMetrics metrics) {
    this.pods = pods;
    this.nodes = nodes;
    this.cache = cache;
    this.queue = queue;
    this.framework = framework;
    this.clients = clients;
    this.pending = pending;
    this.metrics = metrics;
  }

  /** Starts scheduling (once the informers have synced) unless it already runs. */
  synchronized void start() {
    if (worker != null) {
      return;
    }
    worker = new Thread(this::run, "scheduler");
    worker.setDaemon(true);
    worker.start();
    log.info("scheduling started");
  }

  /** Stops scheduling; bindings already sent still complete. */
  synchronized void stop() {
    if (worker == null) {
      return;
    }
    worker.interrupt();
    try {
      worker.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = null;
    log.info("scheduling stopped");
  }

  private void run() {
    try {
      if (!pods.awaitSynced(SYNC_TIMEOUT) || !nodes.awaitSynced(SYNC_TIMEOUT)) {
        log.error("informers did not sync within {}; not scheduling", SYNC_TIMEOUT);
        return;
      }
      while (!Thread.currentThread().isInterrupted()) {
        queue.pop(POP_TIMEOUT).ifPresent(this::scheduleOneSafely);
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  /** One pod's failure (a bug, an inconsistent cache) is that pod's retry, never the end of scheduling. */
  private void scheduleOneSafely(ObjectKey key) {
    try {
      scheduleOne(key);
    } catch (RuntimeException e) {
      log.error("scheduling pod {} failed", key, e);
      queue.retryAfterError(key);
    }
  }

  void scheduleOne(ObjectKey key) {
    Optional<Pod> current = pods.get(key);
    if (current.isEmpty() || !pending.isPendingForUs(current.get()) || cache.isPlaced(key)) {
      queue.delete(key); // bound, assumed, deleted or not ours since it was queued
      return;
    }
    Pod pod = current.get();
    long started = System.nanoTime();
    ScheduleResult result;
    PodInfo info;
    try {
      info = PodInfo.of(pod);
      result = framework.schedule(info, cache.snapshot());
    } catch (RuntimeException e) {
      log.error("scheduling pod {} failed", key, e);
      metrics.attempt(Result.ERROR, started);
      queue.retryAfterError(key);
      return;
    }
    if (result instanceof ScheduleResult.Suggested suggested) {
      assumeAndBind(pod, info, suggested.node(), started);
    } else if (result instanceof ScheduleResult.Unschedulable unschedulable) {
      String message = unschedulable.diagnosis().message();
      metrics.attempt(Result.UNSCHEDULABLE, started);
      queue.unschedulable(key);
      log.debug("pod {} is unschedulable: {}", key, message);
      clients.events().warning(pod, "FailedScheduling", message);
      clients.conditions().markUnschedulable(pod, message);
    }
  }

  private void assumeAndBind(Pod pod, PodInfo info, String node, long started) {
    // assumed before the binding is sent: the next pod is placed against the room this one takes
    cache.assume(info, node);
    queue.done(info.key());
    clients.binder().bind(pod, node).thenAccept(outcome -> {
      if (outcome instanceof BindOutcome.Failed failed) {
        cache.forget(info.key());
        metrics.attempt(Result.ERROR, started);
        log.warn("binding pod {} to {} failed: {} {}", info.key(), node, failed.code(), failed.detail());
        clients.events().warning(pod, "FailedScheduling", "Binding rejected: " + failed.detail());
        queue.retryAfterError(info.key());
      } else {
        metrics.attempt(Result.SCHEDULED, started);
        clients.events().normal(pod, "Scheduled", "Successfully assigned %s/%s to %s"
            .formatted(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), node));
      }
    });
  }
}
