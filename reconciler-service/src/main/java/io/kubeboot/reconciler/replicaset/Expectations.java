package io.kubeboot.reconciler.replicaset;

import io.kubeboot.common.ObjectKey;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Upstream's controller expectations: after creating or deleting pods, the cache lags the API until
 * the Kafka events arrive, and a reconcile in between would count the old pods and act twice. So
 * each owner remembers how many creations and deletions it still expects to observe, and does not
 * manage its pods again until it has seen them all (or they are so old that an event must have
 * been lost, and the periodic resync has repaired the cache).
 */
final class Expectations {

  static final Duration TTL = Duration.ofMinutes(5);

  private record Pending(int adds, int deletes, long setAt) {
  }

  private final ConcurrentMap<ObjectKey, Pending> pending = new ConcurrentHashMap<>();

  void expect(ObjectKey owner, int adds, int deletes) {
    pending.put(owner, new Pending(adds, deletes, System.nanoTime()));
  }

  void creationObserved(ObjectKey owner) {
    creationsObserved(owner, 1);
  }

  /** Also for creations that failed or were never tried: they will never be observed. */
  void creationsObserved(ObjectKey owner, int count) {
    pending.computeIfPresent(owner, (key, p) -> new Pending(p.adds() - count, p.deletes(), p.setAt()));
  }

  void deletionObserved(ObjectKey owner) {
    deletionsObserved(owner, 1);
  }

  void deletionsObserved(ObjectKey owner, int count) {
    pending.computeIfPresent(owner, (key, p) -> new Pending(p.adds(), p.deletes() - count, p.setAt()));
  }

  boolean satisfied(ObjectKey owner) {
    Pending p = pending.get(owner);
    return p == null || (p.adds() <= 0 && p.deletes() <= 0) || System.nanoTime() - p.setAt() > TTL.toNanos();
  }

  void forget(ObjectKey owner) {
    pending.remove(owner);
  }
}
