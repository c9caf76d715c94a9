package io.kubeboot.common.workqueue;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;

/**
 * The controllers' work queue, after client-go's rate-limited queue. Keys, not objects, are queued:
 * the worker re-reads current state, so a key queued many times is processed once (dedup), and a key
 * is never in two workers at once. A key added while a worker holds it is queued again when the
 * worker calls {@link #done}, so no change is missed and none is processed concurrently.
 *
 * <p>Worker loop: {@code for (K key; (key = queue.take()) != null; ) { try { sync(key);
 * queue.forget(key); } catch (Exception e) { queue.addRateLimited(key); } finally { queue.done(key); } }}
 */
public final class WorkQueue<K> {

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a key becomes ready, a delayed key's moment may have moved closer, or on shut-down. */
  private final Condition changed = lock.newCondition();
  private final Deque<K> ready = new ArrayDeque<>();
  /** Keys that need processing, with when they were added: queued in {@code ready}, or held by a worker. */
  private final Map<K, Long> dirty = new HashMap<>();
  /** Keys held by workers, with when each worker took it. */
  private final Map<K, Long> processing = new HashMap<>();
  private final DelayedKeys<K> delayed = new DelayedKeys<>();
  private final RateLimiter<K> rateLimiter;
  private final Clock clock;
  private final WorkQueueMetrics metrics;
  private boolean shutDown;

  /**
   * A queue with client-go's default controller rate limiter. {@code name} tags its metrics and must
   * be unique within the registry (a second queue of the same name would not show its own depth).
   */
  public WorkQueue(String name, MeterRegistry registry) {
    this(name, registry, RateLimiter.controllerDefault(Clock.SYSTEM), Clock.SYSTEM);
  }

  /** {@code clock} times metrics and delayed keys; it must be the limiter's clock too. */
  public WorkQueue(String name, MeterRegistry registry, RateLimiter<K> rateLimiter, Clock clock) {
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.metrics = new WorkQueueMetrics(name, registry, this);
  }

  /** Queues the key unless it is already queued. Ignored after {@link #shutDown}. */
  public void add(K key) {
    lock.lock();
    try {
      addLocked(key);
    } finally {
      lock.unlock();
    }
  }

  /** Queues the key once {@code delay} has passed (at once if it is not positive). */
  public void addAfter(K key, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      add(key);
      return;
    }
    lock.lock();
    try {
      if (!shutDown) {
        delayed.offer(key, clock.monotonicTime() + delay.toNanos());
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues the key after its rate-limited wait: the work on it failed and should be retried. */
  public void addRateLimited(K key) {
    metrics.retried();
    addAfter(key, rateLimiter.when(key));
  }

  /** The work on the key succeeded: its next failure starts again from the shortest back-off. */
  public void forget(K key) {
    rateLimiter.forget(key);
  }

  /** How many times the key was retried since it was last forgotten. */
  public int retries(K key) {
    return rateLimiter.retries(key);
  }

  /**
   * Waits for a key and hands it to the caller, which must call {@link #done} with it. Returns
   * null once the queue is shut down: the worker should then exit.
   */
  public K take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!shutDown) {
        delayed.drainDue(clock.monotonicTime(), this::addLocked);
        K key = ready.pollFirst();
        long now = clock.monotonicTime(); // read after the drain, which stamps the keys it adds
        if (key != null) {
          metrics.waited(now - dirty.remove(key));
          processing.put(key, now);
          return key;
        }
        long wait = delayed.nanosUntilNext(now);
        if (wait == Long.MAX_VALUE) {
          changed.await();
        } else {
          changed.awaitNanos(wait);
        }
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** The worker is finished with the key; if it was added meanwhile, it is queued again. */
  public void done(K key) {
    lock.lock();
    try {
      Long started = processing.remove(key);
      if (started == null) {
        return;
      }
      metrics.worked(clock.monotonicTime() - started);
      if (dirty.containsKey(key) && !shutDown) {
        ready.addLast(key);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Keys ready to be taken (those still waiting out a delay are not counted, as upstream). */
  public int depth() {
    lock.lock();
    try {
      delayed.drainDue(clock.monotonicTime(), this::addLocked);
      return ready.size();
    } finally {
      lock.unlock();
    }
  }

  /** Drops every queued and delayed key and makes every {@link #take} return null. */
  public void shutDown() {
    lock.lock();
    try {
      shutDown = true;
      ready.clear();
      dirty.clear();
      delayed.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isShutDown() {
    lock.lock();
    try {
      return shutDown;
    } finally {
      lock.unlock();
    }
  }

  double unfinishedWorkSeconds() {
    return runningNanos().sum() / 1e9;
  }

  double longestRunningSeconds() {
    return runningNanos().max().orElse(0) / 1e9;
  }

  /** How long each held key has been held so far. */
  private LongStream runningNanos() {
    lock.lock();
    try {
      long now = clock.monotonicTime();
      return Arrays.stream(processing.values().stream().mapToLong(started -> now - started).toArray());
    } finally {
      lock.unlock();
    }
  }

  private void addLocked(K key) {
    if (shutDown || dirty.containsKey(key)) {
      return;
    }
    dirty.put(key, clock.monotonicTime());
    metrics.added();
    if (processing.containsKey(key)) {
      return; // done() queues it, so that no two workers hold one key
    }
    ready.addLast(key);
    changed.signal();
  }
}
