package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.ObjectKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The informer's cache: objects by key plus the registered indexes, kept in step on every write.
 * One thread writes, many workers read, so every method holds the store's monitor; reads return
 * copies of the collections (the objects themselves are shared and must not be changed).
 */
final class Store<T extends HasMetadata> {

  private final Map<ObjectKey, T> objects = new HashMap<>();
  private final Map<String, IndexFunction<? super T>> indexFunctions = new LinkedHashMap<>();
  /** index name → indexed value → keys of the objects filed under it. */
  private final Map<String, Map<String, Set<ObjectKey>>> indices = new HashMap<>();

  synchronized void addIndex(String name, IndexFunction<? super T> function) {
    if (indexFunctions.putIfAbsent(name, function) != null) {
      throw new IllegalArgumentException("index " + name + " is already registered");
    }
    indices.put(name, new HashMap<>());
    objects.forEach((key, object) -> file(name, function, key, object));
  }

  /** Stores the object and returns the one it replaced, if any. */
  synchronized T put(T object) {
    ObjectKey key = ObjectKey.of(object);
    T old = objects.put(key, object);
    indexFunctions.forEach((name, function) -> {
      if (old != null) {
        unfile(name, function, key, old);
      }
      file(name, function, key, object);
    });
    return old;
  }

  /** Removes the object and returns it, or null if there was none. */
  synchronized T remove(ObjectKey key) {
    T old = objects.remove(key);
    if (old != null) {
      indexFunctions.forEach((name, function) -> unfile(name, function, key, old));
    }
    return old;
  }

  synchronized Optional<T> get(ObjectKey key) {
    return Optional.ofNullable(objects.get(key));
  }

  synchronized List<T> list() {
    return new ArrayList<>(objects.values());
  }

  synchronized Set<ObjectKey> keys() {
    return new HashSet<>(objects.keySet());
  }

  synchronized List<T> byIndex(String name, String value) {
    Map<String, Set<ObjectKey>> index = indices.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no index named " + name);
    }
    return index.getOrDefault(value, Set.of()).stream().map(objects::get).toList();
  }

  private void file(String name, IndexFunction<? super T> function, ObjectKey key, T object) {
    Map<String, Set<ObjectKey>> index = indices.get(name);
    for (String value : function.values(object)) {
      index.computeIfAbsent(value, v -> new HashSet<>()).add(key);
    }
  }

  private void unfile(String name, IndexFunction<? super T> function, ObjectKey key, T object) {
    Map<String, Set<ObjectKey>> index = indices.get(name);
    for (String value : function.values(object)) {
      Set<ObjectKey> keys = index.get(value);
      if (keys != null && keys.remove(key) && keys.isEmpty()) {
        index.remove(value); // so that values seen once (old node names, owner uids) do not pile up
      }
    }
  }
}
