package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Upstream's controller expectations: after creating or deleting pods, the cache lags the API until
 * the Kafka events arrive, and a reconcile in between would count the old pods and act twice. So
 * each owner remembers how many creations and deletions it still expects to observe, and does not
 * manage its pods again until it has seen them all (or they are so old that an event must have
 * been lost, and the periodic resync has repaired the cache).
 */
public final class Expectations {

  static final Duration TTL = Duration.ofMinutes(5);

  private record Pending(int adds, int deletes, long setAt) {
  }

  private final ConcurrentMap<ObjectKey, Pending> pending = new ConcurrentHashMap<>();

  public void expect(ObjectKey owner, int adds, int deletes) {
    pending.put(owner, new Pending(adds, deletes, System.nanoTime()));
  }

  public void creationObserved(ObjectKey owner) {
    creationsObserved(owner, 1);
  }

  /** Also for creations that failed or were never tried: they will never be observed. */
  public void creationsObserved(ObjectKey owner, int count) {
    pending.computeIfPresent(owner, (key, p) -> new Pending(p.adds() - count, p.deletes(), p.setAt()));
  }

  public void deletionObserved(ObjectKey owner) {
    deletionsObserved(owner, 1);
  }

  public void deletionsObserved(ObjectKey owner, int count) {
    pending.computeIfPresent(owner, (key, p) -> new Pending(p.adds(), p.deletes() - count, p.setAt()));
  }

  public boolean satisfied(ObjectKey owner) {
    Pending p = pending.get(owner);
    return p == null || (p.adds() <= 0 && p.deletes() <= 0) || System.nanoTime() - p.setAt() > TTL.toNanos();
  }

  public void forget(ObjectKey owner) {
    pending.remove(owner);
  }

  /**
   * The pod handler that lowers the expectations of the pod's controlling owner of {@code ownerKind}.
   * As upstream, a deletion counts as observed when the pod is marked for deletion, not when it is
   * finally removed: a bound pod lingers gracefully until its node agent has stopped it.
   */
  public ResourceEventHandler<Pod> observer(String ownerKind) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        ownerKey(pod).ifPresent(Expectations.this::creationObserved);
      }

      @Override
      public void onUpdate(Pod old, Pod now) {
        if (old.getMetadata().getDeletionTimestamp() == null && now.getMetadata().getDeletionTimestamp() != null) {
          ownerKey(now).ifPresent(Expectations.this::deletionObserved);
        }
      }

      @Override
      public void onDelete(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() == null) {
          ownerKey(pod).ifPresent(Expectations.this::deletionObserved);
        }
      }

      private Optional<ObjectKey> ownerKey(Pod pod) {
        return Owners.controllerOf(pod).filter(owner -> ownerKind.equals(owner.getKind()))
            .map(owner -> new ObjectKey(pod.getMetadata().getNamespace(), owner.getName()));
      }
    };
  }
}
