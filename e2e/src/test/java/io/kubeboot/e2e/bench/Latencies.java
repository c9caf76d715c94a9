package io.kubeboot.e2e.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latency samples in nanoseconds, recorded concurrently, reported as percentiles in ms. */
final class Latencies {

  private final long[] samples;
  private final AtomicInteger count = new AtomicInteger();

  Latencies(int capacity) {
    samples = new long[capacity];
  }

  void record(long nanos) {
    int i = count.getAndIncrement();
    if (i < samples.length) {
      samples[i] = nanos;
    }
  }

  int count() {
    return Math.min(count.get(), samples.length);
  }

  double percentileMillis(double p) {
    long[] sorted = Arrays.copyOf(samples, count());
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }

  String summary() {
    return String.format("n=%d p50=%.1fms p99=%.1fms", count(), percentileMillis(50), percentileMillis(99));
  }
}
