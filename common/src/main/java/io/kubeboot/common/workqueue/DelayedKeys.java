package io.kubeboot.common.workqueue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Keys waiting for their moment to join the queue. A key waits once: asked to wait again, it keeps
 * the earlier moment, as client-go's delaying queue does. Not thread-safe; the queue's lock guards it.
 */
final class DelayedKeys<K> {

  private record Waiting<K>(K key, long readyAt) {
  }

  private final PriorityQueue<Waiting<K>> byTime = new PriorityQueue<>(Comparator.comparingLong(Waiting::readyAt));
  /** The moment each key really waits for; heap entries that disagree are stale and dropped when due. */
  private final Map<K, Long> readyAt = new HashMap<>();

  void offer(K key, long at) {
    Long current = readyAt.get(key);
    if (current != null && current <= at) {
      return;
    }
    readyAt.put(key, at);
    byTime.add(new Waiting<>(key, at));
  }

  /** Hands every key whose moment is at or before {@code now} to {@code sink}. */
  void drainDue(long now, Consumer<K> sink) {
    while (!byTime.isEmpty() && byTime.peek().readyAt() <= now) {
      Waiting<K> due = byTime.poll();
      if (readyAt.remove(due.key(), due.readyAt())) {
        sink.accept(due.key());
      }
    }
  }

  /** Nanoseconds from {@code now} until the next key is due, or {@code Long.MAX_VALUE} if none waits. */
  long nanosUntilNext(long now) {
    return byTime.isEmpty() ? Long.MAX_VALUE : Math.max(0, byTime.peek().readyAt() - now);
  }

  void clear() {
    byTime.clear();
    readyAt.clear();
  }
}
