package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
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
 * A real node agent of a test cluster on the local Docker engine, on a node of its own: a fresh
 * name, loopback address (127.0.0.N, as {@code ./kubeboot add-node} gives) and pod subnet, so that
 * runs side by side never share containers, a bridge, a nodePort address or nat rules. It can be
 * stopped and started again under the same name (an agent restart); closing it stops the agent and
 * removes every container and the network it created, whatever the test left behind.
 */
public final class LocalNode implements AutoCloseable {

  private final ControlPlane cluster;
  private final String name;
  private final String address = "127.0.0." + ThreadLocalRandom.current().nextInt(20, 251);
  private final String podCidr = "10." + ThreadLocalRandom.current().nextInt(248, 252) + "."
      + ThreadLocalRandom.current().nextInt(0, 256) + ".0/24";
  private Integer port;

  private LocalNode(ControlPlane cluster, String prefix) {
    this.cluster = cluster;
    this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Starts the agent of a node named {@code prefix} plus a random suffix and waits until it is healthy. */
  public static LocalNode start(ControlPlane cluster, String prefix) {
    LocalNode node = new LocalNode(cluster, prefix);
    try {
      node.startAgent();
    } catch (RuntimeException e) {
      node.close(); // a half-started agent may have made containers already
      throw e;
    }
    return node;
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public String podCidr() {
    return podCidr;
  }

  /** The agent's HTTP port (the kubelet port), which changes when it is restarted. */
  public int port() {
    return port;
  }

  /** Starts the agent again after {@link #stopAgent()}, under the same node name, address and subnet. */
  public void startAgent() {
    port = cluster.startComponent("node-agent", Map.of("KUBEBOOT_NODE_NAME", name, "KUBEBOOT_NODE_ADDRESS", address,
        "KUBEBOOT_NODE_POD_CIDR", podCidr));
  }

  /** Stops the agent process (SIGTERM), leaving its containers running. */
  public void stopAgent() {
    cluster.stopComponent(port);
    port = null;
  }

  /** Waits until the Node reports Ready. */
  public void awaitReady(KubernetesClient client) {
    await().atMost(Duration.ofSeconds(120)).until(() -> {
      Node node = client.nodes().withName(name).get();
      return node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    });
  }

  /** The IDs of this node's containers (pause containers included) carrying the given label, {@code key=value}. */
  public List<String> containerIds(String label) {
    String ids = host("docker", "ps", "-aq", "--no-trunc", "--filter", "label=io.kubeboot.node=" + name, "--filter",
        "label=" + label).trim();
    return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
  }

  /** Stops the agent first: a running one would recreate the containers being removed. */
  @Override
  public void close() {
    if (port != null) {
      stopAgent();
    }
    List<String> ids = containerIds("io.kubeboot.node=" + name);
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("docker", "rm", "-f"));
      command.addAll(ids);
      host(command.toArray(String[]::new));
    }
    host("docker", "network", "rm", "kubeboot-" + name);
  }

  record Result(int exitCode, String output) {
  }

  /** Runs a command on the host and returns its output (stdout and stderr). */
  public static String host(String... command) {
    return run(command).output();
  }

  /** Runs a command on the host. */
  static Result run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
