package io.kubeboot.common.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.event.ResourceEventCodec;
import io.kubeboot.common.resource.ModelSerialization;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** The informer's decoding of the outbox's records, straight into model objects. */
class TypedEventTest {

  private final Deserializer<TypedEvent<Pod>> deserializer = TypedEvent.deserializer(Pod.class);

  @Test
  void decodesTheOutboxsRecordIntoTheModelType() {
    Pod pod = Pods.pod("web-1", 42, "node-3");
    byte[] record = ResourceEventCodec.encode(ResourceEvent.Type.MODIFIED, ModelSerialization.get().asJson(pod));

    TypedEvent<Pod> event = deserializer.deserialize("pods", record);

    assertThat(event.type()).isEqualTo(ResourceEvent.Type.MODIFIED);
    assertThat(event.object()).isEqualTo(pod);
    assertThat(event.key()).isEqualTo(new ObjectKey("default", "web-1"));
    assertThat(event.resourceVersion()).isEqualTo(42);
  }

  @Test
  void fieldsThisModelDoesNotKnowAreKeptOutOfTheWay() {
    String stored = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"ns\","
        + "\"resourceVersion\":\"9\"},\"spec\":{\"someFutureField\":{\"a\":1},\"containers\":[]}}";

    TypedEvent<Pod> event = deserializer.deserialize("pods",
        ResourceEventCodec.encode(ResourceEvent.Type.DELETED, stored));

    assertThat(event.type()).isEqualTo(ResourceEvent.Type.DELETED);
    assertThat(event.key()).isEqualTo(new ObjectKey("ns", "p"));
    assertThat(event.object().getSpec().getAdditionalProperties()).containsKey("someFutureField");
  }

  @Test
  void aRecordWithoutAnObjectIsRefused() {
    byte[] record = "{\"type\":\"ADDED\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize("pods", record)).isInstanceOf(RuntimeException.class);
  }
}
