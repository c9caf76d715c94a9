package io.kubeboot.common.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void backOffDoublesPerFailureUpToTheCapAndForgetStartsOver() {
    RateLimiter<String> limiter = new ExponentialBackoffRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));

    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(limiter.when("b")).as("keys back off independently").isEqualTo(Duration.ofMillis(5));
    for (int i = 0; i < 100; i++) {
      limiter.when("a");
    }
    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(1000));
    assertThat(limiter.retries("a")).isEqualTo(104);

    limiter.forget("a");
    assertThat(limiter.retries("a")).isZero();
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void bucketLetsABurstThroughThenSpacesRetriesAtItsRate() {
    MockClock clock = new MockClock();
    RateLimiter<String> bucket = new TokenBucketRateLimiter<>(10, 100, clock);

    for (int i = 0; i < 100; i++) {
      assertThat(bucket.when("key-" + i)).isZero();
    }
    assertThat(bucket.when("x")).isEqualTo(Duration.ofMillis(100));
    assertThat(bucket.when("y")).isEqualTo(Duration.ofMillis(200));

    clock.add(Duration.ofSeconds(2)); // pays the debt of 2 and refills 18
    for (int i = 0; i < 18; i++) {
      assertThat(bucket.when("z")).isZero();
    }
    assertThat(bucket.when("z")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void controllerDefaultWaitsTheLongerOfBackOffAndBucket() {
    MockClock clock = new MockClock();
    RateLimiter<String> limiter = RateLimiter.controllerDefault(clock);

    assertThat(limiter.when("a")).as("back-off, the bucket is full").isEqualTo(Duration.ofMillis(5));
    for (int i = 0; i < 99; i++) {
      limiter.when("other-" + i);
    }
    assertThat(limiter.when("b")).as("bucket, b's back-off is 5 ms").isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.retries("a")).isEqualTo(1);
    limiter.forget("a");
    assertThat(limiter.retries("a")).isZero();
  }
}
