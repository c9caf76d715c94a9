package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node whose agent stops: after the node monitor grace period (10 s here) its Ready condition
 * turns Unknown and it is tainted unreachable; its pods are evicted when their toleration of that
 * taint runs out (5 s here) and the ReplicaSet replaces them on the node that is still alive.
 * Each node is a simulated one in an agent process of its own, so stopping the process stops it.
 */
class NodeLifecycleIT {

  static ControlPlane cluster;
  static KubernetesClient client;
  static int doomedAgent;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of("KUBEBOOT_RECONCILER_NODE_MONITOR_GRACE_PERIOD", "10s"));
    cluster.startComponent("scheduler-service", Map.of());
    cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", "1",
        "KUBEBOOT_SIMULATED_NODE_PREFIX", "alive"));
    doomedAgent = cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", "1",
        "KUBEBOOT_SIMULATED_NODE_PREFIX", "doomed"));
    client = cluster.newClient();
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void podsOfAStoppedNodeAreReplacedOnTheLiveOne() {
    await().atMost(Duration.ofSeconds(90)).until(() -> ready("alive-0") && ready("doomed-0"));
    client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(4).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("kubeboot/busybox:latest").endContainer()
        .addNewToleration().withKey("node.kubernetes.io/unreachable").withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(5L).endToleration()
        .endSpec().endTemplate().endSpec().build()).create();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(running())
        .extracting(p -> p.getSpec().getNodeName()).hasSize(4).contains("alive-0", "doomed-0"));

    cluster.stopComponent(doomedAgent);

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      Node doomed = client.nodes().withName("doomed-0").get();
      assertThat(doomed.getStatus().getConditions()).filteredOn(c -> "Ready".equals(c.getType()))
          .singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("Unknown");
            assertThat(c.getReason()).isEqualTo("NodeStatusUnknown");
          });
      assertThat(doomed.getSpec().getTaints()).extracting(t -> t.getKey() + ":" + t.getEffect())
          .contains("node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule");
    });
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(running())
        .extracting(p -> p.getSpec().getNodeName()).containsOnly("alive-0").hasSize(4));
    assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems())
        .filteredOn(p -> "doomed-0".equals(p.getSpec().getNodeName()))
        .allSatisfy(p -> assertThat(p.getMetadata().getDeletionTimestamp()).isNotNull());
  }

  private static boolean ready(String node) {
    Node found = client.nodes().withName(node).get();
    return found != null && found.getStatus() != null && found.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The deployment's pods that count: running and not being deleted. */
  private static List<Pod> running() {
    return client.pods().inNamespace("default").withLabel("app", "web").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).toList();
  }
}
