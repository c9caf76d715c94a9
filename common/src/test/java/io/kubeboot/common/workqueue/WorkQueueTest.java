package io.kubeboot.common.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aKeyAddedTwiceBeforeItIsTakenIsQueuedOnce() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("dedup", registry);
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo("a");
    assertThat(queue.take()).isEqualTo("b");
    assertThat(queue.depth()).isZero();
  }

  @Test
  void aKeyAddedWhileAWorkerHoldsItIsQueuedAgainOnlyAfterDone() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("readd", registry);
    queue.add("a");
    String held = queue.take();

    queue.add("a");
    queue.add("a");
    assertThat(queue.depth()).as("not handed to a second worker while held").isZero();

    queue.done(held);
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo("a");
    queue.done("a");
    assertThat(queue.depth()).as("processed once more, not once per add").isZero();
  }

  @Test
  void aKeyIsNeverProcessedByTwoWorkersAtOnce() throws Exception {
    WorkQueue<Integer> queue = new WorkQueue<>("exclusive", registry);
    Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(6);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      running.add(workers.submit(() -> {
        for (Integer key; (key = queue.take()) != null; ) {
          if (inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          Thread.sleep(0, 200_000);
          inFlight.get(key).decrementAndGet();
          processed.incrementAndGet();
          queue.done(key);
        }
        return null;
      }));
    }

    for (int i = 0; i < 5_000; i++) {
      queue.add(ThreadLocalRandom.current().nextInt(4));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth() == 0 && queue.unfinishedWorkSeconds() == 0);
    queue.shutDown();
    for (Future<?> worker : running) {
      worker.get(5, TimeUnit.SECONDS);
    }
    workers.shutdown();

    assertThat(overlaps).hasValue(0);
    assertThat(processed.get()).as("adds of a queued or held key collapse").isBetween(4, 5_000);
  }

  @Test
  void addAfterQueuesTheKeyOnlyOnceTheDelayHasPassed() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("after", registry);
    long start = System.nanoTime();
    queue.addAfter("a", Duration.ofMillis(300));
    queue.addAfter("a", Duration.ofSeconds(60)); // a second wait keeps the earlier moment

    assertThat(queue.depth()).isZero();
    assertThat(queue.take()).isEqualTo("a");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
  }

  @Test
  void addAfterAnEarlierMomentWakesAWaitingWorkerSooner() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("sooner", registry);
    queue.addAfter("late", Duration.ofSeconds(60));
    ExecutorService worker = Executors.newSingleThreadExecutor();
    Future<String> taken = worker.submit(queue::take);
    Thread.sleep(100); // the worker now waits for "late"

    queue.addAfter("soon", Duration.ofMillis(50));

    assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo("soon");
    worker.shutdown();
  }

  @Test
  void rateLimitedAddsWaitTheKeysBackOffAndForgetResetsIt() throws Exception {
    MockClock clock = new MockClock();
    WorkQueue<String> queue = new WorkQueue<>("backoff", registry,
        new ExponentialBackoffRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)), clock);

    queue.addRateLimited("a");
    assertThat(queue.depth()).isZero();
    clock.add(Duration.ofMillis(5));
    assertThat(queue.depth()).isEqualTo(1);
    queue.done(queue.take());

    queue.addRateLimited("a");
    clock.add(Duration.ofMillis(9));
    assertThat(queue.depth()).as("the second retry waits 10 ms").isZero();
    clock.add(Duration.ofMillis(1));
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.retries("a")).isEqualTo(2);

    queue.forget("a");
    assertThat(queue.retries("a")).isZero();
    assertThat(registry.get("workqueue.retries").tag("name", "backoff").counter().count()).isEqualTo(2);
  }

  @Test
  void shutDownReleasesWaitingWorkersAndIgnoresLaterAdds() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("shutdown", registry);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    Future<String> taken = worker.submit(queue::take);
    Thread.sleep(100);

    queue.shutDown();

    assertThat(taken.get(5, TimeUnit.SECONDS)).isNull();
    queue.add("a");
    queue.addAfter("b", Duration.ofMillis(1));
    assertThat(queue.depth()).isZero();
    assertThat(queue.take()).isNull();
    assertThat(queue.isShutDown()).isTrue();
    worker.shutdown();
  }

  @Test
  void depthGaugeFollowsTheReadyKeys() throws Exception {
    WorkQueue<String> queue = new WorkQueue<>("gauge", registry);
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(registry.get("workqueue.depth").tag("name", "gauge").gauge().value()).isEqualTo(2);
    assertThat(registry.get("workqueue.adds").tag("name", "gauge").counter().count()).isEqualTo(2);
    queue.take();
    assertThat(registry.get("workqueue.depth").tag("name", "gauge").gauge().value()).isEqualTo(1);
  }
}
