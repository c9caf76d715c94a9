package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;

/** A probe's timing fields with upstream's defaults: no delay, every 10 s, 1 s timeout, thresholds 1 and 3. */
record ProbeTiming(Duration initialDelay, Duration period, Duration timeout, int successThreshold,
    int failureThreshold) {

  static ProbeTiming of(Probe probe) {
    return new ProbeTiming(Duration.ofSeconds(orDefault(probe.getInitialDelaySeconds(), 0, 0)),
        Duration.ofSeconds(orDefault(probe.getPeriodSeconds(), 10, 1)),
        Duration.ofSeconds(orDefault(probe.getTimeoutSeconds(), 1, 1)),
        orDefault(probe.getSuccessThreshold(), 1, 1),
        orDefault(probe.getFailureThreshold(), 3, 1));
  }

  /** Unset (or zero, which the API server's defaulting also replaces) means the default; never below {@code min}. */
  private static int orDefault(Integer value, int fallback, int min) {
    return value == null || value == 0 ? fallback : Math.max(value, min);
  }
}
