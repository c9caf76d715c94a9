package io.kubeboot.node.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.kubeboot.node.NodeProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeFactoryTest {

  private final NodeProperties properties = new NodeProperties("n1", "127.0.0.2", null, null, "10.244.1.0/24",
      null, null, null, 110);
  private final NodeFactory.Host host = new NodeFactory.Host("4", "8Gi", "amd64", "Debian", "6.1", "26.1.5");

  @Test
  void theNodeCarriesUpstreamsWellKnownLabels() {
    Node node = NodeFactory.node(properties, host);

    assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/hostname", "n1")
        .containsEntry("kubernetes.io/os", "linux").containsEntry("kubernetes.io/arch", "amd64");
  }

  @Test
  void statusReportsAddressesCapacityKubeletPortAndReady() {
    NodeStatus status = NodeFactory.status(properties, host, 10250, Instant.EPOCH, Instant.EPOCH.plusSeconds(30));

    assertThat(status.getAddresses()).anySatisfy(a -> {
      assertThat(a.getType()).isEqualTo("InternalIP");
      assertThat(a.getAddress()).isEqualTo("127.0.0.2");
    });
    assertThat(status.getCapacity().get("pods").getAmount()).isEqualTo("110");
    assertThat(status.getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(10250);
    assertThat(status.getNodeInfo().getContainerRuntimeVersion()).isEqualTo("docker://26.1.5");
    assertThat(status.getNodeInfo().getKubeletVersion()).isEqualTo("v1.33.0-kubeboot");
    assertThat(status.getConditions()).filteredOn(c -> "Ready".equals(c.getType())).singleElement()
        .satisfies(c -> {
          assertThat(c.getReason()).isEqualTo("KubeletReady");
          assertThat(c.getLastTransitionTime()).isEqualTo("1970-01-01T00:00:00Z");
          assertThat(c.getLastHeartbeatTime()).isEqualTo("1970-01-01T00:00:30Z");
        });
  }

  @Test
  void javaArchitecturesUseGoNames() {
    assertThat(HostInfo.arch("x86_64")).isEqualTo("amd64");
    assertThat(HostInfo.arch("aarch64")).isEqualTo("arm64");
  }
}
