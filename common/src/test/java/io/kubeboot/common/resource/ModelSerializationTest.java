package io.kubeboot.common.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ModelSerializationTest {

  private final KubernetesSerialization fabric8Default = new KubernetesSerialization();

  private static Pod pod() {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("default")
        .withLabels(Map.of("app", "web")).addToAnnotations("note", "x").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("httpd:2")
        .withNewResources().addToLimits("cpu", new Quantity("500m")).addToRequests("memory", new Quantity("64Mi"))
        .endResources()
        .addNewPort().withContainerPort(8080).endPort()
        .withNewReadinessProbe().withNewHttpGet().withPort(new IntOrString("http")).withPath("/").endHttpGet()
        .endReadinessProbe()
        .endContainer().withNodeSelector(Map.of("disk", "ssd")).endSpec()
        .build();
  }

  @Test
  void writesWhatFabric8sDefaultWrites() {
    Pod pod = pod();
    pod.getAdditionalProperties().put("unknownField", Map.of("kept", true));
    assertThat(ModelSerialization.get().asJson(pod)).isEqualTo(fabric8Default.asJson(pod));
    assertThat(ModelSerialization.get().convertValue(pod, ObjectNode.class))
        .isEqualTo(fabric8Default.convertValue(pod, ObjectNode.class));
  }

  @Test
  void readsWhatFabric8sDefaultReads() {
    String json = fabric8Default.asJson(pod()).replace("\"kind\":\"Pod\"", "\"kind\":\"Pod\",\"extra\":1");
    Pod fast = ModelSerialization.get().unmarshal(json, Pod.class);
    assertThat(fast).isEqualTo(fabric8Default.unmarshal(json, Pod.class));
    assertThat(fast.getAdditionalProperties()).containsEntry("extra", 1);
    // a generic read still finds the kind's class
    Object generic = ModelSerialization.get().unmarshal("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}");
    assertThat(generic).isInstanceOf(Deployment.class);
  }
}
