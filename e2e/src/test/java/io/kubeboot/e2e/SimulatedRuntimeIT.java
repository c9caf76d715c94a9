package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated runtime, as kwok: one node-agent process hosts many fake nodes that register,
 * heartbeat and get their pod CIDRs from node IPAM, and pods scheduled onto them run with a
 * believable status, without Docker.
 */
class SimulatedRuntimeIT {

  static final int NODES = 20;
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of());
    cluster.startComponent("scheduler-service", Map.of());
    cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", Integer.toString(NODES),
        "KUBEBOOT_SIMULATED_NODE_PREFIX", "kwok"));
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void fakeNodesRegisterWithLeasesAndDistinctPodCidrs() {
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      List<Node> nodes = client.nodes().list().getItems();
      assertThat(nodes).hasSize(NODES);
      assertThat(nodes).allSatisfy(node -> {
        assertThat(node.getMetadata().getName()).startsWith("kwok-");
        assertThat(node.getSpec().getPodCIDR()).startsWith("10.244.");
        assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
          assertThat(c.getType()).isEqualTo("Ready");
          assertThat(c.getStatus()).isEqualTo("True");
        });
      });
      assertThat(nodes.stream().map(n -> n.getSpec().getPodCIDR()).distinct()).hasSize(NODES);
      assertThat(client.leases().inNamespace("kube-node-lease").list().getItems()).hasSize(NODES);
    });
  }

  @Test
  void aDeploymentRunsOnTheFakeNodesWithPodIpsFromTheirCidrs() {
    assertThat(kubectl.run("create", "deployment", "many", "--image=registry.example/app:1", "--replicas=40")
        .exitCode()).isZero();

    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
      List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "many").list().getItems();
      assertThat(pods).hasSize(40);
      assertThat(pods).allSatisfy(pod -> {
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
      });
    });
    Map<String, String> cidrs = client.nodes().list().getItems().stream()
        .collect(Collectors.toMap(n -> n.getMetadata().getName(), n -> n.getSpec().getPodCIDR()));
    List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "many").list().getItems();
    assertThat(pods).allSatisfy(pod -> {
      String cidr = cidrs.get(pod.getSpec().getNodeName());
      assertThat(pod.getStatus().getPodIP()).startsWith(cidr.substring(0, cidr.lastIndexOf('.') + 1));
    });
    assertThat(pods.stream().map(p -> p.getSpec().getNodeName()).distinct().count()).isGreaterThan(NODES / 2);
    Kubectl.Result rollout = kubectl.run("rollout", "status", "deployment/many", "--timeout=60s");
    assertThat(rollout.out()).as(rollout.toString()).contains("successfully rolled out");

    assertThat(kubectl.run("delete", "deployment", "many").exitCode()).isZero();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(client.pods().inNamespace("default").withLabel("app", "many").list().getItems()).isEmpty());
  }
}
