package io.kubeboot.node.pods;

import java.time.Duration;

/** The kubelet's restart and image-pull back-off: 10 s, doubling with each failure, at most 5 min. */
final class Backoff {

  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);

  private Backoff() {
  }

  /** The wait after the {@code failures}-th failure (1 for the first). */
  static Duration after(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 10);
    Duration delay = INITIAL.multipliedBy(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
