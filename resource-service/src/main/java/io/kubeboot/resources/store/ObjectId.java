package io.kubeboot.resources.store;

import io.kubeboot.common.resource.ResourceType;

/** Primary key of a stored object: its resource and {@code namespace/name} ('' for cluster scope). */
public record ObjectId(String group, String resource, String namespace, String name) {

  public static ObjectId of(ResourceType type, String namespace, String name) {
    return new ObjectId(type.group(), type.plural(), type.namespaced() && namespace != null ? namespace : "", name);
  }
}
