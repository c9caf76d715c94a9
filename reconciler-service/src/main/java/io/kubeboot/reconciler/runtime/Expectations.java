package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream's controller expectations: after creating or deleting pods, the cache lags the API until
 * the Kafka events arrive, and a reconcile in between would count the old pods and act twice. So
 * each owner remembers how many creations it still expects to observe and which pods' deletions,
 * and does not manage its pods again until it has seen them all (or they are so old that an event
 * must have been lost, and the periodic resync has repaired the cache). Deletions are tracked by
 * pod, as upstream's {@code UIDTrackingControllerExpectations}: a pod marked for deletion and then
 * removed, or deleted at once, or already gone when we asked, counts once.
 */
public final class Expectations {

  static final Duration TTL = Duration.ofMinutes(5);

  private static final class Pending {
    final AtomicInteger adds;
    final Set<String> deletions = ConcurrentHashMap.newKeySet();
    final long setAt = System.nanoTime();

    Pending(int adds, Collection<Pod> deletions) {
      this.adds = new AtomicInteger(adds);
      deletions.forEach(pod -> this.deletions.add(keyOf(pod)));
    }
  }

  private final ConcurrentMap<ObjectKey, Pending> pending = new ConcurrentHashMap<>();

  /** {@code adds} creations to come, and the deletion of each pod of {@code deletions}. */
  public void expect(ObjectKey owner, int adds, Collection<Pod> deletions) {
    pending.put(owner, new Pending(adds, deletions));
  }

  public void creationObserved(ObjectKey owner) {
    creationsObserved(owner, 1);
  }

  /** Also for creations that failed or were never tried: they will never be observed. */
  public void creationsObserved(ObjectKey owner, int count) {
    Pending p = pending.get(owner);
    if (p != null) {
      p.adds.addAndGet(-count);
    }
  }

  /** Also for a deletion that failed, or found the pod gone: it will never be observed. */
  public void deletionObserved(ObjectKey owner, Pod pod) {
    Pending p = pending.get(owner);
    if (p != null) {
      p.deletions.remove(keyOf(pod));
    }
  }

  public boolean satisfied(ObjectKey owner) {
    Pending p = pending.get(owner);
    return p == null || (p.adds.get() <= 0 && p.deletions.isEmpty()) || System.nanoTime() - p.setAt > TTL.toNanos();
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
        if (now.getMetadata().getDeletionTimestamp() != null) {
          ownerKey(now).ifPresent(owner -> deletionObserved(owner, now));
        }
      }

      @Override
      public void onDelete(Pod pod) {
        ownerKey(pod).ifPresent(owner -> deletionObserved(owner, pod));
      }

      private Optional<ObjectKey> ownerKey(Pod pod) {
        return Owners.controllerOf(pod).filter(owner -> ownerKind.equals(owner.getKind()))
            .map(owner -> new ObjectKey(pod.getMetadata().getNamespace(), owner.getName()));
      }
    };
  }

  private static String keyOf(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
