package io.kubeboot.common.event;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.ObjectKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One committed change of one Kubernetes object as it travels on Kafka. The value is exactly a
 * Kubernetes watch event, {@code {"type": ..., "object": {...}}}, so consumers can treat the topic
 * as a watch stream of that resource.
 */
public record ResourceEvent(Type type, ObjectNode object) {

  public enum Type { ADDED, MODIFIED, DELETED }

  public ResourceEvent {
    if (type == null || object == null) {
      throw new IllegalArgumentException("type and object are required");
    }
  }

  public static ResourceEvent of(Type type, HasMetadata object) {
    return new ResourceEvent(type, ResourceEventCodec.MAPPER.valueToTree(object));
  }

  public ObjectKey key() {
    JsonNode metadata = object.path("metadata");
    return new ObjectKey(metadata.path("namespace").asString(null), metadata.path("name").asString(null));
  }

  /** The cluster-wide resourceVersion this change was committed at. */
  public long resourceVersion() {
    return Long.parseLong(object.path("metadata").path("resourceVersion").asString("0"));
  }

  public <T extends HasMetadata> T objectAs(Class<T> kind) {
    return ResourceEventCodec.SERIALIZATION.convertValue(object, kind);
  }
}
