package io.kubeboot.e2e.bench;

import java.time.Duration;

/** Timing of a condition the benchmarks poll for. */
final class Waits {

  interface Check {
    boolean done() throws Exception;
  }

  private Waits() {
  }

  /** Milliseconds until {@code check} holds, polled every {@code poll}; fails after {@code timeout}. */
  static long millisUntil(Duration timeout, Duration poll, Check check) throws Exception {
    long start = System.currentTimeMillis();
    while (!check.done()) {
      if (System.currentTimeMillis() - start > timeout.toMillis()) {
        throw new IllegalStateException("not done after " + timeout);
      }
      Thread.sleep(poll.toMillis());
    }
    return System.currentTimeMillis() - start;
  }
}
