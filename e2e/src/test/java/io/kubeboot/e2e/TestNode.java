package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real node agent in an e2e cluster on a node of its own: a unique name, loopback address
 * (127.0.0.N, as {@code ./kubeboot add-node} gives) and pod subnet, so that ITs running side by
 * side on one host never share a bridge, a nodePort address or nat rules. {@link #removeContainers}
 * removes what its pods left in Docker, even when the agent is gone.
 */
final class TestNode {

  final String name;
  final String address;
  final String podCidr;
  final int agentPort;

  private TestNode(String name, String address, String podCidr, int agentPort) {
    this.name = name;
    this.address = address;
    this.podCidr = podCidr;
    this.agentPort = agentPort;
  }

  /** Starts the agent of a node named {@code prefix} and a random suffix. */
  static TestNode start(ControlPlane cluster, String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    String address = "127.0.0." + random.nextInt(20, 251);
    String podCidr = "10.248." + random.nextInt(0, 256) + ".0/24";
    int port = cluster.startComponent("node-agent", Map.of("KUBEBOOT_NODE_NAME", name,
        "KUBEBOOT_NODE_ADDRESS", address, "KUBEBOOT_NODE_POD_CIDR", podCidr));
    return new TestNode(name, address, podCidr, port);
  }

  void awaitReady(KubernetesClient client) {
    await().atMost(Duration.ofSeconds(120)).until(() -> {
      var node = client.nodes().withName(name).get();
      return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
          && node.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    });
  }

  /** The pods' containers and the node's bridge network. */
  void removeContainers() {
    String ids = host("docker", "ps", "-aq", "--filter", "label=io.kubeboot.node=" + name).trim();
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("docker", "rm", "-f"));
      command.addAll(List.of(ids.split("\\s+")));
      host(command.toArray(String[]::new));
    }
    host("docker", "network", "rm", "kubeboot-" + name);
  }

  record Result(int exitCode, String output) {
  }

  /** Runs a command on the host and returns its output (stdout and stderr). */
  static String host(String... command) {
    return run(command).output();
  }

  /** Runs a command on the host. */
  static Result run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
