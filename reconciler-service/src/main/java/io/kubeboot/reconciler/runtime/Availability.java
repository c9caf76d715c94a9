package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts ready and available pods for a controller's status, and remembers how soon the next ready
 * pod turns available (minReadySeconds), so that the controller looks again then.
 */
public final class Availability {

  private final int minReadySeconds;
  private final Instant now;
  private int ready;
  private int available;
  private Duration soonest;

  public Availability(Integer minReadySeconds, Instant now) {
    this.minReadySeconds = minReadySeconds == null ? 0 : minReadySeconds;
    this.now = now;
  }

  public void count(Pod pod) {
    Optional<Duration> untilAvailable = Pods.untilAvailable(pod, minReadySeconds, now);
    if (untilAvailable.isEmpty()) {
      return;
    }
    ready++;
    if (untilAvailable.get().isZero()) {
      available++;
    } else if (soonest == null || untilAvailable.get().compareTo(soonest) < 0) {
      soonest = untilAvailable.get();
    }
  }

  public int ready() {
    return ready;
  }

  public int available() {
    return available;
  }

  public Optional<Duration> recheckAfter() {
    return Optional.ofNullable(soonest);
  }
}
