package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.store.ObjectStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's NamespaceLifecycle admission: objects can only be created in a namespace that
 * exists and is not being deleted.
 */
@Component
class Namespaces {

  static final ResourceType NAMESPACES = ResourceRegistry.standard().find("", "v1", "namespaces").orElseThrow();

  private final ObjectStore store;

  Namespaces(ObjectStore store) {
    this.store = store;
  }

  void requireWritable(String namespace) {
    ObjectNode found = store.get(NAMESPACES, null, namespace)
        .orElseThrow(() -> ApiException.notFound("namespaces", namespace));
    if (Metadata.deleting(found)) {
      throw ApiException.forbidden("namespaces", namespace, "unable to create new content in namespace "
          + namespace + " because it is being terminated");
    }
  }
}
