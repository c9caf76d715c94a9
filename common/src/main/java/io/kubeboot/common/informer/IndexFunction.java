package io.kubeboot.common.informer;

import java.util.Collection;

/** The values an object is filed under in one index of the cache (none, one or several). */
@FunctionalInterface
public interface IndexFunction<T> {

  Collection<String> values(T object);
}
