package io.kubeboot.common.workqueue;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;

/**
 * One bucket shared by all keys: {@code burst} tokens, refilled at {@code perSecond}. Each
 * {@link #when} takes a token, going into debt when the bucket is empty, so waits grow with the
 * overall retry rate rather than with any one key's failures. It keeps no per-key state.
 */
public final class TokenBucketRateLimiter<K> implements RateLimiter<K> {

  private final double perSecond;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private long refilledAt;

  public TokenBucketRateLimiter(double perSecond, int burst, Clock clock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("need a positive rate and burst, got " + perSecond + " and " + burst);
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.refilledAt = clock.monotonicTime();
  }

  @Override
  public synchronized Duration when(K key) {
    long now = clock.monotonicTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
    refilledAt = now;
    tokens -= 1;
    return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
  }

  @Override
  public void forget(K key) {
  }

  @Override
  public int retries(K key) {
    return 0;
  }
}
