package io.kubeboot.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSpamFilterTest {

  private Instant now = Instant.parse("2026-11-30T12:00:00Z");
  private final EventSpamFilter filter = new EventSpamFilter(() -> now);

  @Test
  void anObjectGetsABurstOf25EventsThenOneEveryFiveMinutes() {
    long allowed = IntStream.range(0, 100).filter(i -> filter.allow("replicaset-controller", "rs-a")).count();
    assertThat(allowed).isEqualTo(EventSpamFilter.BURST);

    now = now.plus(Duration.ofMinutes(4));
    assertThat(filter.allow("replicaset-controller", "rs-a")).isFalse();
    now = now.plus(Duration.ofMinutes(1));
    assertThat(filter.allow("replicaset-controller", "rs-a")).isTrue();
    assertThat(filter.allow("replicaset-controller", "rs-a")).isFalse();
  }

  @Test
  void eachSourceAndObjectHasItsOwnBucket() {
    IntStream.range(0, 100).forEach(i -> filter.allow("replicaset-controller", "rs-a"));

    assertThat(filter.allow("replicaset-controller", "rs-b")).isTrue();
    assertThat(filter.allow("job-controller", "rs-a")).isTrue();
  }
}
