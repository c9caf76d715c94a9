package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
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
 * A dedicated cluster with everything workload controllers need to run real pods: resource-service
 * and gateway, the scheduler, the reconciler, and two node agents on this host's Docker engine with
 * their own node names and pod CIDRs. Closing it stops the processes, then removes every container
 * and network the two agents made, whether the test passed or not.
 */
final class TwoNodeCluster implements AutoCloseable {

  final ControlPlane plane;
  final KubernetesClient client;
  final Kubectl kubectl;
  final List<String> nodes = new ArrayList<>();

  TwoNodeCluster(String namespace) {
    plane = ControlPlane.dedicated();
    client = plane.newClient();
    try {
      plane.startComponent("scheduler-service", Map.of());
      plane.startComponent("reconciler-service", Map.of());
      String suffix = UUID.randomUUID().toString().substring(0, 6);
      int subnet = ThreadLocalRandom.current().nextInt(0, 127) * 2;
      for (int i = 0; i < 2; i++) {
        String node = "e2e-" + suffix + "-" + i;
        nodes.add(node); // before starting, so that close() cleans up after a half-started agent too
        plane.startComponent("node-agent", Map.of("KUBEBOOT_NODE_NAME", node,
            "KUBEBOOT_NODE_POD_CIDR", "10.251." + (subnet + i) + ".0/24"));
      }
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      await().atMost(Duration.ofSeconds(90)).until(() -> nodes.stream().allMatch(this::ready));
      kubectl = Kubectl.version("1.33", plane);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  List<Event> events(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  private boolean ready(String name) {
    Node node = client.nodes().withName(name).get();
    return node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void close() {
    client.close();
    plane.close();
    for (String node : nodes) {
      try {
        String ids = docker("ps", "-aq", "--filter", "label=io.kubeboot.node=" + node).trim();
        if (!ids.isEmpty()) {
          List<String> command = new ArrayList<>(List.of("rm", "-f"));
          command.addAll(List.of(ids.split("\\s+")));
          docker(command.toArray(String[]::new));
        }
        docker("network", "rm", "kubeboot-" + node);
      } catch (IOException e) {
        // best effort: the next node's containers are still removed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return out;
  }
}
