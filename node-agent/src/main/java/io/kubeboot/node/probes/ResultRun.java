package io.kubeboot.node.probes;

import java.util.Optional;

/**
 * Turns single probe attempts into a verdict with the probe's thresholds, as upstream's worker
 * does: a result is only published once it was seen {@code successThreshold} (success) or
 * {@code failureThreshold} (failure) times in a row. Not thread-safe: one probe worker owns it.
 */
final class ResultRun {

  private final int successThreshold;
  private final int failureThreshold;
  private ProbeResult last = ProbeResult.UNKNOWN;
  private int run;

  ResultRun(int successThreshold, int failureThreshold) {
    this.successThreshold = Math.max(1, successThreshold);
    this.failureThreshold = Math.max(1, failureThreshold);
  }

  /** The verdict to publish after this attempt, or empty while a threshold is not reached. */
  Optional<ProbeResult> observe(ProbeResult result) {
    if (result == last) {
      run++;
    } else {
      last = result;
      run = 1;
    }
    if (result == ProbeResult.FAILURE && run < failureThreshold
        || result == ProbeResult.SUCCESS && run < successThreshold) {
      return Optional.empty();
    }
    return Optional.of(result);
  }
}
