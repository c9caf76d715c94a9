package io.kubeboot.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real node agent of a test cluster on the local Docker engine, under a fresh node name and a
 * random pod subnet so that runs side by side never share containers or networks. It can be stopped
 * and started again under the same name (an agent restart); closing it stops the agent and removes
 * every container and the network it created, whatever the test left behind.
 */
public final class LocalNode implements AutoCloseable {

  private final ControlPlane cluster;
  private final String name = "e2e-node-" + UUID.randomUUID().toString().substring(0, 6);
  private final String podCidr = "10.250." + ThreadLocalRandom.current().nextInt(0, 255) + ".0/24";
  private Integer port;

  private LocalNode(ControlPlane cluster) {
    this.cluster = cluster;
  }

  /** Starts the node agent and waits until it is healthy. */
  public static LocalNode start(ControlPlane cluster) {
    LocalNode node = new LocalNode(cluster);
    node.startAgent();
    return node;
  }

  public String name() {
    return name;
  }

  /** The agent's HTTP port (the kubelet port), which changes when it is restarted. */
  public int port() {
    return port;
  }

  /** Starts the agent again after {@link #stopAgent()}, under the same node name and subnet. */
  public void startAgent() {
    port = cluster.startComponent("node-agent", Map.of("KUBEBOOT_NODE_NAME", name, "KUBEBOOT_NODE_POD_CIDR",
        podCidr));
  }

  /** Stops the agent process (SIGTERM), leaving its containers running. */
  public void stopAgent() {
    cluster.stopComponent(port);
    port = null;
  }

  /** The IDs of this node's containers (pause containers included) carrying the given label, {@code key=value}. */
  public List<String> containerIds(String label) {
    String ids = docker("ps", "-aq", "--no-trunc", "--filter", "label=io.kubeboot.node=" + name, "--filter",
        "label=" + label).trim();
    return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
  }

  /** Runs the docker CLI and returns its output (stdout and stderr). */
  public static String docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the agent first: a running one would recreate the containers being removed. */
  @Override
  public void close() {
    if (port != null) {
      stopAgent();
    }
    List<String> ids = containerIds("io.kubeboot.node=" + name);
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("rm", "-f"));
      command.addAll(ids);
      docker(command.toArray(String[]::new));
    }
    docker("network", "rm", "kubeboot-" + name);
  }
}
