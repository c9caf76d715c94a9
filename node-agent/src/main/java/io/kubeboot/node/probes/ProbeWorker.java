package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One probe of one container, run every {@code periodSeconds} on the shared prober scheduler, as
 * upstream's probe worker: it waits for the start-up probe and {@code initialDelaySeconds}, counts
 * attempts against the thresholds and publishes a verdict when one is reached. A failed liveness or
 * start-up verdict puts it on hold: the container is restarted, and the new one gets a new prober.
 */
final class ProbeWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ProbeWorker.class);

  private final ProbeType type;
  private final Probe probe;
  private final ProbeTiming timing;
  private final ContainerProber container;
  private final ResultRun run;
  private boolean onHold;
  private volatile ScheduledFuture<?> schedule;

  ProbeWorker(ProbeType type, Probe probe, ContainerProber container) {
    this.type = type;
    this.probe = probe;
    this.timing = ProbeTiming.of(probe);
    this.container = container;
    this.run = new ResultRun(timing.successThreshold(), timing.failureThreshold());
  }

  void start(ScheduledExecutorService scheduler) {
    schedule = scheduler.scheduleWithFixedDelay(this, 0, timing.period().toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop() {
    ScheduledFuture<?> scheduled = schedule;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  @Override
  public void run() {
    try {
      probeOnce();
    } catch (RuntimeException e) {
      // an exception would end the schedule for good
      log.warn("{} probe of {} failed to run: {}", type.label(), container, e.toString());
    }
  }

  private void probeOnce() {
    if (onHold) {
      return;
    }
    boolean started = container.started();
    if (type == ProbeType.STARTUP && started) {
      stop(); // a start-up probe is done once it succeeded
      return;
    }
    if (type != ProbeType.STARTUP && !started) {
      return;
    }
    Instant startedAt = container.startedAt();
    if (startedAt != null && container.now().isBefore(startedAt.plus(timing.initialDelay()))) {
      return;
    }
    ProbeOutcome outcome = container.attempt(type, probe, timing.timeout());
    if (outcome.error()) {
      return; // upstream throws an errored attempt away: it is no verdict on the container
    }
    Optional<ProbeResult> verdict = run.observe(outcome.result());
    if (verdict.isEmpty()) {
      return;
    }
    container.publish(type, verdict.get());
    if (type != ProbeType.READINESS && verdict.get() == ProbeResult.FAILURE) {
      onHold = true;
    }
  }
}
