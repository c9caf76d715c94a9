package io.kubeboot.scheduler.queue;

import io.kubeboot.common.ObjectKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The pods waiting for a node, after upstream's scheduling queue. A pod is in one place at a time:
 * <ul>
 *   <li><b>active</b>: ready to be tried, first in first out;
 *   <li><b>backoff</b>: tried and failed, waiting out {@code 1 s × 2^(attempts−1)} (at most 10 s);
 *   <li><b>unschedulable</b>: fit no node; stays until the cluster changes ({@link #moveAllToActiveOrBackoff})
 *       or, as a safety net, for five minutes;
 *   <li><b>in flight</b>: being scheduled now.
 * </ul>
 * A cluster change seen while a pod is in flight sends it to back-off rather than to unschedulable,
 * so that the change it may have missed is not waited for in vain.
 */
public final class SchedulingQueue {

  public enum Place { ACTIVE, BACKOFF, UNSCHEDULABLE, IN_FLIGHT }

  static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  static final Duration MAX_UNSCHEDULABLE = Duration.ofMinutes(5);
  /** How often the unschedulable pods are checked against {@link #MAX_UNSCHEDULABLE}, as upstream. */
  static final Duration LEFTOVER_FLUSH_INTERVAL = Duration.ofSeconds(30);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LongSupplier nanoClock;
  private final Map<ObjectKey, Entry> entries = new HashMap<>();
  private final Deque<ObjectKey> active = new ArrayDeque<>();
  private final PriorityQueue<Due> backoff = new PriorityQueue<>();
  private long moveCycle;
  private long lastLeftoverFlush;
  private boolean closed;

  private static final class Entry {
    Place place;
    int attempts;
    long backoffUntil;
    long unschedulableSince;
    long poppedInCycle;
    boolean updatedInFlight;
  }

  private record Due(long at, ObjectKey key) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      return Long.compare(at, other.at);
    }
  }

  public SchedulingQueue() {
    this(System::nanoTime);
  }

  SchedulingQueue(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastLeftoverFlush = nanoClock.getAsLong();
  }

  /**
   * A new pending pod, or one whose spec or labels changed: a pod held as unschedulable gets its
   * chance again (after its back-off), one in flight is retried once its cycle ends.
   */
  public void add(ObjectKey key) {
    locked(() -> {
      Entry entry = entries.get(key);
      if (entry == null) {
        entry = new Entry();
        entries.put(key, entry);
        activate(key, entry);
      } else if (entry.place == Place.UNSCHEDULABLE) {
        activateOrBackoff(key, entry, nanoClock.getAsLong());
      } else if (entry.place == Place.IN_FLIGHT) {
        entry.updatedInFlight = true;
      }
    });
  }

  /** Queues the pod only if the queue does not hold it anywhere yet (periodic resync). */
  public void addIfAbsent(ObjectKey key) {
    locked(() -> {
      if (!entries.containsKey(key)) {
        Entry entry = new Entry();
        entries.put(key, entry);
        activate(key, entry);
      }
    });
  }

  /** The next pod to try, waiting up to {@code timeout}; empty on time-out or once closed. */
  public Optional<ObjectKey> pop(Duration timeout) throws InterruptedException {
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (!closed) {
        long now = nanoClock.getAsLong();
        flush(now);
        ObjectKey key = active.pollFirst();
        Entry entry = key == null ? null : entries.get(key);
        if (entry != null && entry.place == Place.ACTIVE) {
          entry.place = Place.IN_FLIGHT;
          entry.attempts++;
          entry.poppedInCycle = moveCycle;
          entry.updatedInFlight = false;
          return Optional.of(key);
        }
        if (key != null) {
          continue; // a stale reference: the pod was deleted or moved on since it was queued
        }
        long wait = deadline - now;
        if (wait <= 0) {
          return Optional.empty();
        }
        Due next = backoff.peek();
        changed.awaitNanos(next == null ? wait : Math.max(1, Math.min(wait, next.at - now)));
      }
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** The pod was placed (assumed on a node): the queue lets go of it. */
  public void done(ObjectKey key) {
    locked(() -> entries.remove(key));
  }

  /** The pod fit no node: it waits for the cluster to change. */
  public void unschedulable(ObjectKey key) {
    locked(() -> {
      Entry entry = entries.get(key);
      if (entry == null || entry.place != Place.IN_FLIGHT) {
        return;
      }
      long now = nanoClock.getAsLong();
      entry.backoffUntil = now + backoffNanos(entry.attempts);
      if (entry.updatedInFlight || entry.poppedInCycle != moveCycle) {
        toBackoff(key, entry); // something changed while it was tried: try again after its back-off
      } else {
        entry.place = Place.UNSCHEDULABLE;
        entry.unschedulableSince = now;
      }
    });
  }

  /** Scheduling or binding failed for a reason not about the pod: retry after back-off. */
  public void retryAfterError(ObjectKey key) {
    locked(() -> {
      Entry entry = entries.computeIfAbsent(key, k -> new Entry());
      entry.attempts = Math.max(entry.attempts, 1);
      entry.backoffUntil = nanoClock.getAsLong() + backoffNanos(entry.attempts);
      toBackoff(key, entry);
    });
  }

  /** The pod is gone, or no longer waits for this scheduler. */
  public void delete(ObjectKey key) {
    locked(() -> entries.remove(key)); // stale active and backoff references are skipped when reached
  }

  /** The cluster changed (a node came or changed, a pod left): every unschedulable pod may fit now. */
  public void moveAllToActiveOrBackoff() {
    locked(() -> {
      moveCycle++;
      long now = nanoClock.getAsLong();
      entries.forEach((key, entry) -> {
        if (entry.place == Place.UNSCHEDULABLE) {
          activateOrBackoff(key, entry, now);
        }
      });
    });
  }

  /** How many pods are in {@code place} now (for {@code scheduler_pending_pods}). */
  public int count(Place place) {
    lock.lock();
    try {
      return (int) entries.values().stream().filter(entry -> entry.place == place).count();
    } finally {
      lock.unlock();
    }
  }

  public Optional<Place> placeOf(ObjectKey key) {
    lock.lock();
    try {
      return Optional.ofNullable(entries.get(key)).map(entry -> entry.place);
    } finally {
      lock.unlock();
    }
  }

  /** Makes every {@link #pop} return empty, now and later. */
  public void close() {
    locked(() -> closed = true);
  }

  /** {@code 1 s × 2^(attempts−1)}, at most 10 s. */
  static long backoffNanos(int attempts) {
    double nanos = INITIAL_BACKOFF.toNanos() * Math.pow(2, Math.max(0, attempts - 1));
    return (long) Math.min(nanos, MAX_BACKOFF.toNanos());
  }

  /** Moves due back-offs to active, and pods unschedulable for too long to active or back-off. */
  private void flush(long now) {
    for (Due due = backoff.peek(); due != null && due.at <= now; due = backoff.peek()) {
      backoff.poll();
      Entry entry = entries.get(due.key);
      if (entry != null && entry.place == Place.BACKOFF && entry.backoffUntil == due.at) {
        activate(due.key, entry);
      }
    }
    if (now - lastLeftoverFlush < LEFTOVER_FLUSH_INTERVAL.toNanos()) {
      return;
    }
    lastLeftoverFlush = now;
    entries.forEach((key, entry) -> {
      if (entry.place == Place.UNSCHEDULABLE && now - entry.unschedulableSince >= MAX_UNSCHEDULABLE.toNanos()) {
        activateOrBackoff(key, entry, now);
      }
    });
  }

  private void activateOrBackoff(ObjectKey key, Entry entry, long now) {
    if (entry.backoffUntil > now) {
      toBackoff(key, entry);
    } else {
      activate(key, entry);
    }
  }

  private void activate(ObjectKey key, Entry entry) {
    entry.place = Place.ACTIVE;
    active.addLast(key);
    changed.signalAll();
  }

  private void toBackoff(ObjectKey key, Entry entry) {
    entry.place = Place.BACKOFF;
    backoff.add(new Due(entry.backoffUntil, key));
    changed.signalAll();
  }

  private void locked(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
