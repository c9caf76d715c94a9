package io.kubeboot.reconciler.runtime;

import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every controller once this replica leads: queues and handlers first, then the shared
 * informers, then, once their caches hold a full list, the workers (a worker trusting a half-filled
 * cache would, say, create pods that already exist).
 */
public final class ControllerManager {

  private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);

  private final List<Controller> controllers;
  private final Informers informers;
  private final int workers;
  private final MeterRegistry registry;
  private final List<ControllerRunner> runners = new ArrayList<>();

  public ControllerManager(List<Controller> controllers, Informers informers, int workers, MeterRegistry registry) {
    this.controllers = List.copyOf(controllers);
    this.informers = informers;
    this.workers = workers;
    this.registry = registry;
  }

  public synchronized void start() throws InterruptedException {
    for (Controller controller : controllers) {
      ControllerRunner runner = new ControllerRunner(controller, new WorkQueue<ObjectKey>(controller.name(), registry),
          workers, registry);
      controller.watch(runner.queue());
      runners.add(runner);
    }
    informers.start();
    if (!informers.awaitSynced(SYNC_TIMEOUT)) {
      throw new IllegalStateException("informer caches did not sync within " + SYNC_TIMEOUT);
    }
    runners.forEach(ControllerRunner::start);
    log.info("started controllers {}", controllers.stream().map(Controller::name).toList());
  }

  public synchronized void stop() throws InterruptedException {
    runners.forEach(ControllerRunner::stop);
    informers.stop();
  }
}
