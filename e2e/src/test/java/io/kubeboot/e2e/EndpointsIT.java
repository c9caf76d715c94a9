package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoints controllers publish a Service's pods: ready ones as addresses, the others apart. */
class EndpointsIT {

  static final String NS = "backends";
  static ControlPlane cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of());
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void serviceEndpointsListReadyPodsAndKeepNotReadyOnesApart() {
    client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().addToSelector("app", "web")
        .addNewPort().withName("http").withPort(80).withNewTargetPort("http").endPort().endSpec().build()).create();
    running("web-a", "10.244.1.10", true);
    running("web-b", "10.244.1.11", false);
    running("other", "10.244.1.12", true);

    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      Endpoints endpoints = client.endpoints().inNamespace(NS).withName("web").get();
      assertThat(endpoints).isNotNull();
      assertThat(endpoints.getSubsets()).hasSize(1);
      EndpointSubset subset = endpoints.getSubsets().get(0);
      assertThat(subset.getAddresses()).extracting(a -> a.getIp()).containsExactly("10.244.1.10");
      assertThat(subset.getNotReadyAddresses()).extracting(a -> a.getIp()).containsExactly("10.244.1.11");
      assertThat(subset.getPorts()).extracting(p -> p.getPort()).containsExactly(8080);

      List<EndpointSlice> slices = client.resources(EndpointSlice.class).inNamespace(NS)
          .withLabel("kubernetes.io/service-name", "web").list().getItems();
      assertThat(slices).hasSize(1);
      assertThat(slices.get(0).getEndpoints()).extracting(e -> e.getAddresses().get(0) + "=" + e.getConditions().getReady())
          .containsExactly("10.244.1.10=true", "10.244.1.11=false");
      assertThat(slices.get(0).getPorts()).extracting(p -> p.getPort()).containsExactly(8080);
    });

    Service kubernetes = client.services().inNamespace("default").withName("kubernetes").get();
    assertThat(kubernetes.getSpec().getClusterIP()).isEqualTo("10.96.0.1");
    assertThat(kubernetes.getSpec().getPorts().get(0).getPort()).isEqualTo(443);

    client.services().inNamespace(NS).withName("web").delete();
    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      assertThat(client.endpoints().inNamespace(NS).withName("web").get()).isNull();
      assertThat(client.resources(EndpointSlice.class).inNamespace(NS).list().getItems())
          .isEmpty();
    });
  }

  /** A pod as a kubelet would report it: Running with an IP, Ready or not. */
  private static Pod running(String name, String ip, boolean ready) {
    String app = name.startsWith("web") ? "web" : "other";
    Pod pod = client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
        .addToLabels("app", app).endMetadata().withNewSpec().addNewContainer().withName("c")
        .withImage("kubeboot/busybox:latest").addNewPort().withName("http").withContainerPort(8080).endPort()
        .endContainer().endSpec().build()).create();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return client.pods().inNamespace(NS).resource(new PodBuilder(pod).editOrNewStatus().withPhase("Running")
        .withPodIP(ip).addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .withLastTransitionTime(now).endCondition().endStatus().build()).updateStatus();
  }
}
