package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one controller: its queue, a few workers, and the translation of outcomes into queue calls. */
final class ControllerRunner {

  private static final Logger log = LoggerFactory.getLogger(ControllerRunner.class);

  private final Controller controller;
  private final WorkQueue<ObjectKey> queue;
  private final int workers;
  private final Timer duration;
  private final Counter errors;
  private final List<Thread> threads = new ArrayList<>();

  ControllerRunner(Controller controller, WorkQueue<ObjectKey> queue, int workers, MeterRegistry registry) {
    this.controller = controller;
    this.queue = queue;
    this.workers = workers;
    this.duration = Timer.builder("reconcile.duration").description("How long one reconcile of a key takes")
        .tag("controller", controller.name()).register(registry);
    this.errors = Counter.builder("reconcile.errors").description("Reconciles that failed and were retried")
        .tag("controller", controller.name()).register(registry);
  }

  WorkQueue<ObjectKey> queue() {
    return queue;
  }

  void start() {
    for (int i = 0; i < workers; i++) {
      Thread thread = new Thread(this::work, controller.name() + "-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  void stop() {
    queue.shutDown();
  }

  private void work() {
    try {
      for (ObjectKey key; (key = queue.take()) != null; ) {
        try {
          process(key);
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void process(ObjectKey key) {
    Timer.Sample sample = Timer.start();
    try {
      Result result = controller.reconcile(key);
      queue.forget(key);
      if (result.requeueAfter() != null) {
        queue.addAfter(key, result.requeueAfter());
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        queue.forget(key); // what we were converging is gone: nothing left to do
      } else if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // our cache was behind the API; it catches up within milliseconds, so look again now
        queue.add(key);
      } else {
        failed(key, e);
      }
    } catch (Exception e) {
      failed(key, e);
    } finally {
      sample.stop(duration);
    }
  }

  private void failed(ObjectKey key, Exception e) {
    errors.increment();
    log.warn("{} {} failed (retry {}): {}", controller.name(), key, queue.retries(key), e.toString());
    queue.addRateLimited(key);
  }
}
