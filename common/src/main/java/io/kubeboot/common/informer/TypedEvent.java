package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.type.TypeReference;

/**
 * A resource event as an informer reads it: the same {@code {"type": ..., "object": ...}} record
 * as {@link ResourceEvent}, its object decoded straight into the model type. One pass over the
 * JSON instead of a tree and then its conversion, which was most of what following a busy topic
 * cost (the scheduler reads every pod twice: created, then bound).
 */
record TypedEvent<T extends HasMetadata>(ResourceEvent.Type type, T object) {

  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.get();

  TypedEvent {
    if (type == null || object == null || object.getMetadata() == null) {
      throw new IllegalArgumentException("type and object with metadata are required");
    }
  }

  ObjectKey key() {
    return ObjectKey.of(object);
  }

  /** The cluster-wide resourceVersion this change was committed at. */
  long resourceVersion() {
    return CacheUpdater.versionOf(object);
  }

  /** Kafka's {@code value.deserializer} for events of {@code kind}. */
  static <T extends HasMetadata> Deserializer<TypedEvent<T>> deserializer(Class<T> kind) {
    Type eventType = SERIALIZATION.constructParametricType(TypedEvent.class, kind);
    TypeReference<TypedEvent<T>> reference = new TypeReference<>() {
      @Override
      public Type getType() {
        return eventType;
      }
    };
    return (topic, bytes) -> bytes == null ? null : SERIALIZATION.unmarshal(new ByteArrayInputStream(bytes), reference);
  }
}
