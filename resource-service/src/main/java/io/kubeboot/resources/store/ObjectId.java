package io.kubeboot.resources.store;

import io.kubeboot.common.resource.ResourceType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** Primary key of a stored object: its resource and {@code namespace/name} ('' for cluster scope). */
@Embeddable
public record ObjectId(
    @Column(name = "api_group") String group,
    @Column(name = "resource") String resource,
    @Column(name = "namespace") String namespace,
    @Column(name = "name") String name) implements Serializable {

  public static ObjectId of(ResourceType type, String namespace, String name) {
    return new ObjectId(type.group(), type.plural(), type.namespaced() && namespace != null ? namespace : "", name);
  }
}
