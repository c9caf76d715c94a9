package io.kubeboot.common.workqueue;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Decides how long a key that failed must wait before it is processed again. Implementations are
 * thread-safe: every worker of a queue asks at once.
 */
public interface RateLimiter<K> {

  /** How long {@code key} waits now; each call counts as one more failure of it. */
  Duration when(K key);

  /** The key succeeded (or was given up on): its next failure starts again from the shortest wait. */
  void forget(K key);

  /** How many times the key failed since it was last forgotten. */
  int retries(K key);

  /**
   * client-go's default controller limiter: the longer of a per-key exponential back-off
   * (5 ms doubling to 1000 s) and a shared token bucket (10 per second, bursts of 100). The
   * back-off stops one broken object from spinning; the bucket stops a mass failure (the API is
   * down) from turning into a retry storm.
   */
  static <K> RateLimiter<K> controllerDefault(Clock clock) {
    return new MaxOfRateLimiter<>(List.of(
        new ExponentialBackoffRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
        new TokenBucketRateLimiter<>(10, 100, clock)));
  }
}
