package io.kubeboot.common.workqueue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-key back-off: {@code base * 2^failures}, capped at {@code max}. */
public final class ExponentialBackoffRateLimiter<K> implements RateLimiter<K> {

  private final Duration base;
  private final Duration max;
  private final Map<K, Integer> failures = new ConcurrentHashMap<>();

  public ExponentialBackoffRateLimiter(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + " and " + max);
    }
    this.base = base;
    this.max = max;
  }

  @Override
  public Duration when(K key) {
    int exponent = failures.merge(key, 1, Integer::sum) - 1;
    // in double arithmetic so that a long failure streak saturates at max instead of overflowing
    double nanos = base.toNanos() * Math.pow(2, exponent);
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  @Override
  public void forget(K key) {
    failures.remove(key);
  }

  @Override
  public int retries(K key) {
    return failures.getOrDefault(key, 0);
  }
}
