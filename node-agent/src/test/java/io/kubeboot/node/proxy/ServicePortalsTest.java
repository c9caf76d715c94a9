package io.kubeboot.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubeboot.node.proxy.ServicePortProxy.Portal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServicePortalsTest {

  private static ServiceBuilder service(String type, String clusterIp) {
    return new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
        .withNewSpec().withType(type).withClusterIP(clusterIp).endSpec();
  }

  @Test
  void tcpPortsAreServedAtTheClusterIpAndTheirNodePorts() {
    var svc = service("NodePort", "10.96.0.20").editSpec()
        .addNewPort().withName("http").withPort(80).withNodePort(30080).endPort()
        .addNewPort().withName("admin").withPort(9000).withProtocol("TCP").endPort()
        .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withNodePort(30053).endPort()
        .endSpec().build();

    assertThat(ServicePortals.of(svc)).containsOnlyKeys("http", "admin")
        .containsEntry("http", new Portal("10.96.0.20", 80, 30080))
        .containsEntry("admin", new Portal("10.96.0.20", 9000, null));
  }

  @Test
  void aLoadBalancerServiceIsServedAtItsNodePortsLikeANodePortService() {
    var svc = service("LoadBalancer", "10.96.0.30").editSpec()
        .addNewPort().withName("http").withPort(80).withNodePort(31080).endPort().endSpec()
        .withNewStatus().withNewLoadBalancer().addNewIngress().withIp("172.18.255.200").endIngress()
        .endLoadBalancer().endStatus().build();

    assertThat(ServicePortals.of(svc)).containsExactly(java.util.Map.entry("http", new Portal("10.96.0.30", 80, 31080)));
  }

  @Test
  void headlessAndExternalNameServicesAndDeletedOnesHaveNone() {
    assertThat(ServicePortals.of(service("ClusterIP", "None").editSpec().addNewPort().withPort(80).endPort()
        .endSpec().build())).isEmpty();
    assertThat(ServicePortals.of(service("ExternalName", null).editSpec().withExternalName("example.com")
        .addNewPort().withPort(80).endPort().endSpec().build())).isEmpty();
    assertThat(ServicePortals.of(null)).isEmpty();
  }

  @Test
  void anUnnamedPortIsKeyedByTheEmptyName() {
    assertThat(ServicePortals.of(service("ClusterIP", "10.96.0.21").editSpec().addNewPort().withPort(80).endPort()
        .endSpec().build())).containsOnlyKeys("");
  }

  @Test
  void clientIpAffinityHasUpstreamsDefaultTimeout() {
    assertThat(SessionAffinity.of(service("ClusterIP", "10.96.0.21").editSpec().withSessionAffinity("ClientIP")
        .endSpec().build())).isEqualTo(new SessionAffinity(true, Duration.ofSeconds(10800)));
    assertThat(SessionAffinity.of(service("ClusterIP", "10.96.0.21").editSpec().withSessionAffinity("ClientIP")
        .withNewSessionAffinityConfig().withNewClientIP(30).endSessionAffinityConfig().endSpec().build()))
        .isEqualTo(new SessionAffinity(true, Duration.ofSeconds(30)));
    assertThat(SessionAffinity.of(service("ClusterIP", "10.96.0.21").build())).isEqualTo(SessionAffinity.NONE);
  }
}
