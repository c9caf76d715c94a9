package io.kubeboot.e2e.bench;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.e2e.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./kubeboot bench simulated [nodes] [pods-per-node] [observe-seconds]}: how many fake nodes
 * and running pods one node-agent process in the simulated runtime sustains, and what a node costs
 * it in memory. First a process simulating one node gives the baseline; then one process simulates
 * {@code nodes} nodes (default 1,000), a Deployment puts {@code pods-per-node} pods on each (default
 * 3), and for {@code observe-seconds} (default 60) the bench checks that every node stays Ready (its
 * Lease renewed within the node monitor's grace period) and every pod Running. Memory per node is
 * the process's live heap after a full GC, less the baseline's, divided by the nodes.
 */
public final class SimulatedBench {

  private static final String NS = "default";
  private static final Duration POLL = Duration.ofMillis(1000);
  private static final String NAME = "sim";
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private SimulatedBench() {
  }

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int podsPerNode = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int observe = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    try (ControlPlane cluster = ControlPlane.dedicated(); KubernetesClient client = cluster.newClient()) {
      cluster.startComponent("reconciler-service", Map.of());
      cluster.startComponent("scheduler-service", Map.of());

      int baseline = cluster.startComponent("node-agent", agent(1, "bench-base"));
      Waits.millisUntil(Duration.ofMinutes(3), POLL, () -> readyNodes(client, "bench-base") == 1);
      Memory base = Memory.of(cluster.pid(baseline));
      cluster.stopComponent(baseline);
      client.nodes().withName("bench-base-0").delete();
      System.out.printf("baseline, one simulated node: live heap %.1f MB, resident %.1f MB%n", base.heapMb(),
          base.residentMb());

      int agent = cluster.startComponent("node-agent", agent(nodes, "bench-sim"));
      long registered = Waits.millisUntil(Duration.ofMinutes(10), POLL, () -> readyNodes(client, "bench-sim") == nodes);
      System.out.printf("%d simulated nodes Ready after %.1f s%n", nodes, registered / 1e3);

      int pods = nodes * podsPerNode;
      client.apps().deployments().inNamespace(NS).resource(deployment(pods)).create();
      long started = Waits.millisUntil(Duration.ofMinutes(30), POLL, () -> runningPods(client) == pods);
      System.out.printf("%d pods Running after %.1f s (%.0f pods/s)%n", pods, started / 1e3, pods / (started / 1e3));

      int minReady = nodes;
      int minRunning = pods;
      long end = System.currentTimeMillis() + observe * 1000L;
      while (System.currentTimeMillis() < end) {
        minReady = Math.min(minReady, readyNodes(client, "bench-sim"));
        minRunning = Math.min(minRunning, runningPods(client));
        Thread.sleep(5000);
      }
      System.out.printf("over %d s: at least %d of %d nodes Ready and %d of %d pods Running at every check%n",
          observe, minReady, nodes, minRunning, pods);

      Memory loaded = Memory.of(cluster.pid(agent));
      double heapPerNode = (loaded.heapMb() - base.heapMb()) * 1024 / Math.max(1, nodes - 1);
      System.out.printf("%d nodes, %d pods: live heap %.1f MB, resident %.1f MB%n", nodes, pods, loaded.heapMb(),
          loaded.residentMb());
      // the resident set is mostly heap the JVM has reserved, not what the nodes use: reported whole
      System.out.printf("simulated bench: %d nodes and %d pods sustained by one process (%s), %.0f KB live heap "
              + "per node with its %d pods (process resident %.0f MB, baseline %.0f MB)%n", nodes, pods,
          minReady == nodes && minRunning == pods ? "all Ready/Running throughout" : "NOT all Ready/Running",
          heapPerNode, podsPerNode, loaded.residentMb(), base.residentMb());
    }
    System.exit(0);
  }

  private static Map<String, String> agent(int nodes, String prefix) {
    return Map.of("KUBEBOOT_SIMULATED_NODES", Integer.toString(nodes), "KUBEBOOT_SIMULATED_NODE_PREFIX", prefix);
  }

  private static int readyNodes(KubernetesClient client, String prefix) {
    return (int) client.nodes().list().getItems().stream()
        .filter(n -> n.getMetadata().getName().startsWith(prefix + "-"))
        .filter(SimulatedBench::ready).count();
  }

  private static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static int runningPods(KubernetesClient client) {
    return (int) client.pods().inNamespace(NS).withLabel("app", NAME).list().getItems().stream()
        .map(Pod::getStatus).filter(s -> s != null && "Running".equals(s.getPhase())).count();
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName(NAME).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", NAME).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", NAME).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("kubeboot/pause:1").withNewResources()
        .addToRequests("cpu", new Quantity("10m")).addToRequests("memory", new Quantity("16Mi")).endResources()
        .endContainer().endSpec().endTemplate().endSpec().build();
  }

  /** A process's live heap after a full collection (jcmd) and its resident set (/proc), in MB. */
  private record Memory(double heapMb, double residentMb) {

    static Memory of(long pid) throws Exception {
      jcmd(pid, "GC.run");
      Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
      if (!used.find()) {
        throw new IllegalStateException("no heap figure from jcmd " + pid + " GC.heap_info");
      }
      double resident = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          resident = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
      return new Memory(Long.parseLong(used.group(1)) / 1024.0, resident);
    }

    private static String jcmd(long pid, String command) throws Exception {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(pid), command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      process.waitFor();
      return output;
    }
  }
}
