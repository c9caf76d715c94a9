package io.kubeboot.common.workqueue;

import java.time.Duration;
import java.util.List;

/** Asks every limiter and keeps the longest wait, so each of them holds. */
public final class MaxOfRateLimiter<K> implements RateLimiter<K> {

  private final List<RateLimiter<K>> limiters;

  public MaxOfRateLimiter(List<RateLimiter<K>> limiters) {
    if (limiters.isEmpty()) {
      throw new IllegalArgumentException("at least one limiter is required");
    }
    this.limiters = List.copyOf(limiters);
  }

  @Override
  public Duration when(K key) {
    Duration longest = Duration.ZERO;
    for (RateLimiter<K> limiter : limiters) {
      // every limiter is asked, not only until one says "long": each must count this failure
      Duration wait = limiter.when(key);
      if (wait.compareTo(longest) > 0) {
        longest = wait;
      }
    }
    return longest;
  }

  @Override
  public void forget(K key) {
    limiters.forEach(limiter -> limiter.forget(key));
  }

  @Override
  public int retries(K key) {
    return limiters.stream().mapToInt(limiter -> limiter.retries(key)).max().orElse(0);
  }
}
