package io.kubeboot.reconciler.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's {@code EventSourceObjectSpamFilter}: a token bucket per source and involved object
 * (burst 25, one more token every 5 minutes), so a ReplicaSet scaled to 1,000 records its first
 * 25 {@code SuccessfulCreate} events and not a thousand writes more. The buckets of the 4,096
 * objects heard of most recently are kept, as upstream's LRU cache.
 */
final class EventSpamFilter {

  static final int BURST = 25;
  static final Duration REFILL = Duration.ofMinutes(5);
  private static final int OBJECTS = 4096;

  private static final class Bucket {
    double tokens = BURST;
    Instant updated;

    Bucket(Instant now) {
      updated = now;
    }
  }

  private final InstantSource clock;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > OBJECTS;
    }
  };

  EventSpamFilter(InstantSource clock) {
    this.clock = clock;
  }

  /** Whether an event from {@code source} about {@code object} may be written now; takes a token if so. */
  synchronized boolean allow(String source, String object) {
    Instant now = clock.instant();
    Bucket bucket = buckets.computeIfAbsent(source + "\u0000" + object, key -> new Bucket(now));
    double refilled = (double) Duration.between(bucket.updated, now).toMillis() / REFILL.toMillis();
    bucket.tokens = Math.min(BURST, bucket.tokens + Math.max(0, refilled));
    bucket.updated = now;
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens--;
    return true;
  }
}
