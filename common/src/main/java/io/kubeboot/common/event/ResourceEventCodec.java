package io.kubeboot.common.event;

import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of {@link ResourceEvent} on Kafka. Spring Kafka's own JSON serde adds type headers
 * and trusted-package rules that a plain watch-event payload does not need, so the codec is these
 * few methods around one shared mapper. The producer (resource-service's outbox) sends bytes
 * from {@link #encode(ResourceEvent.Type, String)}; consumers decode with {@link EventDeserializer}.
 */
public final class ResourceEventCodec {

  static final ObjectMapper MAPPER = JsonMapper.builder().build();
  static final KubernetesSerialization SERIALIZATION = ModelSerialization.get();

  private ResourceEventCodec() {
  }

  public static byte[] encode(ResourceEvent event) {
    return MAPPER.writeValueAsBytes(event);
  }

  /**
   * The same envelope around an object already in JSON text (as the outbox reads it from the
   * database), without parsing and re-rendering the object: {@code objectJson} must be one JSON
   * object.
   */
  public static byte[] encode(ResourceEvent.Type type, String objectJson) {
    return ("{\"type\":\"" + type.name() + "\",\"object\":" + objectJson + "}").getBytes(StandardCharsets.UTF_8);
  }

  public static ResourceEvent decode(byte[] bytes) {
    return MAPPER.readValue(bytes, ResourceEvent.class);
  }

  /** Kafka {@link Deserializer} for {@code value.deserializer}. */
  public static final class EventDeserializer implements Deserializer<ResourceEvent> {
    @Override
    public ResourceEvent deserialize(String topic, byte[] bytes) {
      return bytes == null ? null : decode(bytes);
    }

    @Override
    public ResourceEvent deserialize(String topic, Headers headers, byte[] bytes) {
      return deserialize(topic, bytes);
    }
  }
}
