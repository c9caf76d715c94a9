package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node agent that restarts adopts the containers it had started: it finds them by their labels,
 * neither recreating nor restarting them, and goes on probing them.
 */
class NodeAgentRestartIT {

  private static final String NS = "restart";
  private static final String IMAGE = "kubeboot/busybox:latest";

  static WorkloadCluster cluster;
  static KubernetesClient client;
  static LocalNode node;

  @BeforeAll
  static void start() {
    cluster = WorkloadCluster.start(NS, 1);
    client = cluster.client();
    node = cluster.node();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRestartedAgentAdoptsItsRunningContainers() {
    create("before", "{\"tcpSocket\":{\"port\":8080},\"periodSeconds\":1}");
    Pod before = cluster.awaitPod("before", ready());
    ContainerStatus was = before.getStatus().getContainerStatuses().get(0);
    String uid = before.getMetadata().getUid();
    List<String> containersBefore = node.containerIds("io.kubeboot.pod.uid=" + uid);
    assertThat(containersBefore).as("pause and app").hasSize(2);

    node.stopAgent();
    node.startAgent();
    // a pod created after the restart runs: the new agent is syncing this node's pods
    create("after", null);
    cluster.awaitPod("after", ready());
    await().atMost(Duration.ofSeconds(120)).until(() -> client.nodes().withName(node.name()).get().getStatus()
        .getDaemonEndpoints().getKubeletEndpoint().getPort() == node.port());

    Pod adopted = cluster.awaitPod("before", ready());
    ContainerStatus is = adopted.getStatus().getContainerStatuses().get(0);
    assertThat(is.getContainerID()).isEqualTo(was.getContainerID());
    assertThat(is.getRestartCount()).isEqualTo(was.getRestartCount()).isZero();
    assertThat(is.getState().getRunning().getStartedAt()).isEqualTo(was.getState().getRunning().getStartedAt());
    assertThat(node.containerIds("io.kubeboot.pod.uid=" + uid)).containsExactlyInAnyOrderElementsOf(containersBefore);
    assertThat(node.containerIds("io.kubeboot.pod.name=before")).hasSize(2);
  }

  private static Predicate<Pod> ready() {
    return p -> "Running".equals(p.getStatus().getPhase()) && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** A pod running httpd on 8080, with the given readiness probe (JSON) or none. */
  private static void create(String name, String readinessProbe) {
    String probe = readinessProbe == null ? "" : ",\"readinessProbe\":" + readinessProbe;
    cluster.create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s"},"spec":{"nodeName":"%s",
         "terminationGracePeriodSeconds":1,
         "containers":[{"name":"app","image":"%s","command":["httpd","-f","-p","8080"]%s}]}}
        """.formatted(name, NS, node.name(), IMAGE, probe));
  }
}
