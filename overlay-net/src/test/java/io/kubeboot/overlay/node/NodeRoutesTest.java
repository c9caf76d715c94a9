package io.kubeboot.overlay.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.kubeboot.overlay.core.Ipv4Subnet;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRoutesTest {

  @Test
  void everyOtherNodeWithASubnetAndAPublishedEndpointIsARoute() {
    List<Node> nodes = List.of(
        node("node-1", "10.244.1.0/24", NodeRoutes.annotations("192.168.1.1", 8285)),
        node("node-2", "10.244.2.0/24", NodeRoutes.annotations("192.168.1.2", 8285)),
        node("node-3", "10.244.3.0/24", NodeRoutes.annotations("192.168.1.3", 9000)));

    assertThat(NodeRoutes.of(nodes, "node-1")).containsExactly(
        Map.entry(Ipv4Subnet.parse("10.244.2.0/24"), new InetSocketAddress("192.168.1.2", 8285)),
        Map.entry(Ipv4Subnet.parse("10.244.3.0/24"), new InetSocketAddress("192.168.1.3", 9000)));
  }

  @Test
  void aNodeWithoutSubnetOrEndpointOrWithUnusableOnesHasNoRoute() {
    List<Node> nodes = List.of(
        node("no-cidr", null, NodeRoutes.annotations("192.168.1.2", 8285)),
        node("not-published", "10.244.3.0/24", Map.of()),
        node("hostname", "10.244.4.0/24", NodeRoutes.annotations("node-4.example", 8285)),
        node("bad-port", "10.244.5.0/24", Map.of(NodeRoutes.PUBLIC_IP, "192.168.1.5", NodeRoutes.PORT, "70000")),
        node("bad-cidr", "10.244.6.0", NodeRoutes.annotations("192.168.1.6", 8285)));

    assertThat(NodeRoutes.of(nodes, "node-1")).isEmpty();
  }

  private static Node node(String name, String podCidr, Map<String, String> annotations) {
    return new NodeBuilder().withNewMetadata().withName(name).withAnnotations(annotations).endMetadata()
        .withNewSpec().withPodCIDR(podCidr).endSpec().build();
  }
}
