package io.kubeboot.common;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Identity of one object within a resource: {@code namespace/name}, or just {@code name} for a
 * cluster-scoped object. Its string form is the Kafka record key and the work-queue key.
 */
public record ObjectKey(String namespace, String name) {

  public ObjectKey {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name is required");
    }
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  public static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  public static ObjectKey parse(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
  }

  public boolean namespaced() {
    return namespace != null;
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
