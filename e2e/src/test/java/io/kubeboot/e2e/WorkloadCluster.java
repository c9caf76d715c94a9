package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A dedicated cluster that runs workloads for real: API, scheduler, controllers and one node agent
 * on the Docker engine, plus a namespace for the test. Closing it stops everything and removes the
 * containers and network its node agent made, even after a failed test.
 */
final class WorkloadCluster implements AutoCloseable {

  final ControlPlane cluster;
  final KubernetesClient client;
  final Kubectl kubectl;
  final String nodeName = "e2e-node-" + UUID.randomUUID().toString().substring(0, 6);

  private WorkloadCluster(String namespace) {
    cluster = ControlPlane.dedicated();
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
    try {
      cluster.startComponent("scheduler-service", Map.of());
      cluster.startComponent("reconciler-service", Map.of());
      String podCidr = "10.251." + ThreadLocalRandom.current().nextInt(0, 255) + ".0/24";
      cluster.startComponent("node-agent", Map.of("KUBEBOOT_NODE_NAME", nodeName, "KUBEBOOT_NODE_POD_CIDR", podCidr));
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      await().atMost(Duration.ofSeconds(60)).until(() -> ready(client.nodes().withName(nodeName).get()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  static WorkloadCluster start(String namespace) {
    return new WorkloadCluster(namespace);
  }

  @Override
  public void close() {
    try {
      removeContainers(nodeName);
    } finally {
      client.close();
      cluster.close();
    }
  }

  /** Removes every container a node agent of {@code nodeName} started, and its network. */
  static void removeContainers(String nodeName) {
    String ids = docker("ps", "-aq", "--filter", "label=io.kubeboot.node=" + nodeName).trim();
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("rm", "-f"));
      command.addAll(List.of(ids.split("\\s+")));
      docker(command.toArray(String[]::new));
    }
    docker("network", "rm", "kubeboot-" + nodeName);
  }

  /** Runs the docker CLI and returns what it printed (stdout and stderr). */
  static String docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean ready(Node node) {
    return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType())
        && "True".equals(c.getStatus()));
  }
}
