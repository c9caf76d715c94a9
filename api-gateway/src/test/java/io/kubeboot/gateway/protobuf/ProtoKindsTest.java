package io.kubeboot.gateway.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtoKindsTest {

  private final ProtoKinds kinds = new ProtoKinds(ResourceRegistry.standard());

  @Test
  void everyRegisteredKindHasItsProtobufMessage() {
    for (ResourceType type : ResourceRegistry.standard().all()) {
      assertThat(kinds.find(type.apiVersion(), type.kind())).as(type.apiVersion() + " " + type.kind())
          .hasValueSatisfying(message -> assertThat(message.getName()).isEqualTo(type.kind()));
    }
  }

  @ParameterizedTest
  @CsvSource({"autoscaling/v1, Scale", "v1, Binding", "policy/v1, Eviction", "v1, DeleteOptions",
      "apps/v1, DeleteOptions"})
  void subresourceAndOptionBodiesAreKnownToo(String apiVersion, String kind) {
    assertThat(kinds.find(apiVersion, kind)).hasValueSatisfying(m -> assertThat(m.getName()).isEqualTo(kind));
  }

  @Test
  void aKindInTheWrongGroupIsUnknown() {
    assertThat(kinds.find("v1", "Deployment")).isEmpty();
  }
}
