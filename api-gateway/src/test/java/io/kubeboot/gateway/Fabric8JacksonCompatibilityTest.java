package io.kubeboot.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * fabric8 8.x is compiled against a newer Jackson 3 than Spring Boot manages by default; the build
 * pins them together. This proves Spring's own mapper reads and writes fabric8 objects faithfully.
 */
@SpringBootTest
class Fabric8JacksonCompatibilityTest {

  @Autowired
  JsonMapper springMapper;

  @Test
  void deploymentRoundTripsThroughSpringsMapper() {
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName("ang").withNamespace("default").addToLabels("app", "ang").endMetadata()
        .withNewSpec().withReplicas(3)
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withNewSelector().addToMatchLabels("app", "ang").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "ang").endMetadata()
        .withNewSpec().addNewContainer().withName("ang").withImage("kubeboot/busybox:latest")
        .withNewResources().addToLimits("memory", new Quantity("128Mi")).addToLimits("cpu", new Quantity("500m"))
        .endResources().endContainer().endSpec().endTemplate()
        .endSpec().build();

    String json = springMapper.writeValueAsString(deployment);
    Deployment back = springMapper.readValue(json, Deployment.class);

    assertThat(json).contains("\"maxSurge\":\"25%\"", "\"maxUnavailable\":1", "\"memory\":\"128Mi\"");
    assertThat(back).isEqualTo(deployment);
  }
}
