package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies lists and Kafka events to the store so that it converges on the API's state whatever the
 * topic delivers. resourceVersions are one cluster-wide, increasing sequence, which gives three fences:
 * <ul>
 *   <li>an event at or below the last list's version is already reflected in that list;
 *   <li>an event at or below the version the cache holds for its object is a duplicate or a replay;
 *   <li>an event at or below the version an object was deleted at is a replay of its past (kept as a
 *       tombstone until the next list's version passes it, after which the first fence covers it).
 * </ul>
 * Not thread-safe: the informer's thread alone calls it, which also keeps handler calls in order.
 */
final class CacheUpdater<T extends HasMetadata> {

  private static final Logger log = LoggerFactory.getLogger(CacheUpdater.class);

  private final Class<T> type;
  private final Store<T> store;
  private final List<ResourceEventHandler<? super T>> handlers;
  private final Map<ObjectKey, Long> deletedAt = new HashMap<>();
  private long listedAt;

  CacheUpdater(Class<T> type, Store<T> store, List<ResourceEventHandler<? super T>> handlers) {
    this.type = type;
    this.store = store;
    this.handlers = handlers;
  }

  /** Applies one event; false when it was skipped as already known. */
  boolean apply(TypedEvent<T> event) {
    ObjectKey key = event.key();
    long version = event.resourceVersion();
    if (version <= listedAt || version <= knownVersion(key)) {
      return false;
    }
    if (event.type() == ResourceEvent.Type.DELETED) {
      deletedAt.put(key, version);
      T last = store.remove(key);
      if (last != null) {
        notify(handler -> handler.onDelete(last));
      }
    } else {
      deletedAt.remove(key);
      upsert(event.object());
    }
    return true;
  }

  /**
   * Makes the cache agree with a full list: listed objects newer than the cache replace it, cached
   * objects the list no longer has are deleted unless they are newer than the list (created after it),
   * and unchanged objects are delivered as resync updates.
   */
  void replace(Lister.Snapshot<T> snapshot) {
    Set<ObjectKey> listed = new HashSet<>();
    for (T object : snapshot.items()) {
      ObjectKey key = ObjectKey.of(object);
      listed.add(key);
      long version = versionOf(object);
      long known = knownVersion(key);
      if (version > known) {
        deletedAt.remove(key);
        upsert(object);
      } else if (version == known) {
        store.get(key).ifPresent(current -> notify(handler -> handler.onUpdate(current, current)));
      }
      // else the topic is already ahead of the list for this object
    }
    for (ObjectKey key : store.keys()) {
      if (!listed.contains(key) && knownVersion(key) <= snapshot.resourceVersion()) {
        T last = store.remove(key);
        notify(handler -> handler.onDelete(last));
      }
    }
    listedAt = Math.max(listedAt, snapshot.resourceVersion());
    deletedAt.values().removeIf(version -> version <= listedAt);
  }

  private void upsert(T now) {
    T old = store.put(now);
    if (old == null) {
      notify(handler -> handler.onAdd(now));
    } else {
      notify(handler -> handler.onUpdate(old, now));
    }
  }

  private long knownVersion(ObjectKey key) {
    return store.get(key).map(CacheUpdater::versionOf).orElseGet(() -> deletedAt.getOrDefault(key, 0L));
  }

  private void notify(Consumer<ResourceEventHandler<? super T>> call) {
    for (ResourceEventHandler<? super T> handler : handlers) {
      try {
        call.accept(handler);
      } catch (RuntimeException e) {
        // one faulty handler must not stop the cache, nor the other handlers, from moving on
        log.warn("{} event handler {} failed", type.getSimpleName(), handler, e);
      }
    }
  }

  /** An object's resourceVersion as the number the fences compare; 0 when it has none. */
  static long versionOf(HasMetadata object) {
    String version = object.getMetadata().getResourceVersion();
    return version == null || version.isEmpty() ? 0 : Long.parseLong(version);
  }
}
