package io.kubeboot.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeboot.common.ObjectKey;
import org.junit.jupiter.api.Test;

class ResourceEventCodecTest {

  @Test
  void encodesAsAKubernetesWatchEvent() {
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withNamespace("default").withName("ang").withResourceVersion("7").endMetadata()
        .withNewSpec().withReplicas(2).endSpec().build();

    String json = new String(ResourceEventCodec.encode(ResourceEvent.of(ResourceEvent.Type.MODIFIED, deployment)));

    assertThat(json).startsWith("{\"type\":\"MODIFIED\",\"object\":{");
    assertThat(json).contains("\"apiVersion\":\"apps/v1\"", "\"kind\":\"Deployment\"");
    ResourceEvent decoded = ResourceEventCodec.decode(json.getBytes());
    assertThat(decoded.key()).isEqualTo(new ObjectKey("default", "ang"));
    assertThat(decoded.objectAs(Deployment.class)).isEqualTo(deployment);
  }

  @Test
  void anObjectsJsonTextIsWrappedAsItIs() {
    String stored = "{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\", \"namespace\": \"ns\", "
        + "\"resourceVersion\": \"9\"}, \"apiVersion\": \"v1\"}";

    ResourceEvent decoded = ResourceEventCodec.decode(ResourceEventCodec.encode(ResourceEvent.Type.DELETED, stored));

    assertThat(decoded.type()).isEqualTo(ResourceEvent.Type.DELETED);
    assertThat(decoded.key()).isEqualTo(new ObjectKey("ns", "c"));
    assertThat(decoded.resourceVersion()).isEqualTo(9);
    assertThat(decoded.object().path("kind").asString()).isEqualTo("ConfigMap");
  }

  @Test
  void clusterScopedKeyHasNoNamespace() {
    assertThat(ObjectKey.parse("node-1")).isEqualTo(new ObjectKey(null, "node-1"));
    assertThat(ObjectKey.parse("kube-system/coredns").toString()).isEqualTo("kube-system/coredns");
  }
}
