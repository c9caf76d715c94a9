package io.kubeboot.resources.api;

import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/** Moves objects between the stored JSON tree and the fabric8 model the strategies work on. */
final class Typed {

  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.get();

  private Typed() {
  }

  /** A body whose fields have the wrong JSON type is a 400, worded like upstream's decoder. */
  static HasMetadata read(ResourceType type, ObjectNode object) {
    try {
      return SERIALIZATION.convertValue(object, type.type());
    } catch (JacksonException | IllegalArgumentException e) {
      String detail = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
      throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
          + type.kind() + ": " + detail);
    }
  }

  static ObjectNode write(HasMetadata object) {
    return SERIALIZATION.convertValue(object, ObjectNode.class);
  }
}
