package io.kubeboot.e2e.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubeboot.e2e.ControlPlane;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./kubeboot bench scheduler [nodes] [pods]}: creates Node objects (no agents) and pods through
 * the API and measures, end to end, pods bound per second from the first create to the last binding
 * seen through an API watch, and each pod's latency from its create to its binding (p50, p99).
 * Defaults: 500 nodes, 1,000 pods; upstream's large case is 5000 10000. Timed after warm-up rounds of as many
 * pods, until the JIT compilers have settled. The rounds' creates and watches go through {@link BlockingApi}, the
 * rest through the fabric8 client.
 */
public final class SchedulerBench {

  private static final String NS = "bench";
  private static final String PODS = "/api/v1/namespaces/" + NS + "/pods";
  private static final int WRITERS = 32;
  private static final double SETTLED_JIT_SHARE = 0.08;
  private static final int MAX_WARM_UP_ROUNDS = 15;

  private SchedulerBench() {
  }

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    double speedBefore = MachineSpeed.sha256Seconds();
    ControlPlane cluster = ControlPlane.get();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl(cluster.apiUrl()).withOauthToken(cluster.adminToken()).withTrustCerts(true)
        .withMaxConcurrentRequests(WRITERS * 2).withMaxConcurrentRequestsPerHost(WRITERS * 2).build()).build()) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .create();
      long nodesStarted = System.nanoTime();
      parallel(nodes, i -> client.nodes().resource(node("bench-node-" + i)).create());
      System.out.printf("created %d nodes in %.1f s%n", nodes, seconds(System.nanoTime() - nodesStarted));
      // started after the nodes exist, so that it lists them rather than catching up on their events
      cluster.startComponent("scheduler-service", Map.of());
      warmUp(client, cluster, pods);
      Round timed = Round.run(client, cluster, "bench-pod-", pods);
      System.out.printf("whole machine until the last binding: %s%n", timed.cpu());
      System.out.printf("machine speed: %s before the control plane started, %.2f s after the timed round%n",
          MachineSpeed.reference(speedBefore), MachineSpeed.sha256Seconds());
      report(nodes, pods, timed);
    }
    System.exit(0);
  }

  /**
   * Rounds like the timed one, untimed, their pods then deleted (at once: no agent runs their
   * nodes), until the control plane's JIT compilers take under {@link #SETTLED_JIT_SHARE} of its
   * CPU: a running cluster has long compiled its hot paths, a fresh one on two cores has not. Its
   * compilers, starved by the load, were still compiling request paths for the first time after a
   * whole round (JFR), a fifth of the timed round's CPU.
   */
  private static void warmUp(KubernetesClient client, ControlPlane cluster, int pods) throws Exception {
    for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
      long start = System.nanoTime();
      Round warm = Round.run(client, cluster, "warm-up-", pods);
      parallel(pods, i -> client.pods().inNamespace(NS).withName("warm-up-" + i).withGracePeriod(0).delete());
      Waits.millisUntil(Duration.ofMinutes(10), Duration.ofMillis(500),
          () -> client.pods().inNamespace(NS).list().getItems().isEmpty());
      System.out.printf("warm-up %d: %d pods created and bound (%.0f pods/s, JIT compilers %.0f%% of the control "
          + "plane's CPU), then deleted, in %.1f s%n", round, pods, warm.throughput(), warm.jitShare() * 100,
          seconds(System.nanoTime() - start));
      if (warm.jitShare() < SETTLED_JIT_SHARE) {
        return;
      }
    }
  }

  /**
   * One round: pods created through {@link BlockingApi} by {@link #WRITERS} threads while a watch
   * notes when each is bound, from its create to its binding.
   */
  private record Round(long started, double createSeconds, long[] created, long[] bound, boolean finished,
      String cpu, double jitShare) {

    static Round run(KubernetesClient client, ControlPlane cluster, String prefix, int pods) throws Exception {
      long[] created = new long[pods];
      long[] bound = new long[pods];
      Map<String, Integer> index = new ConcurrentHashMap<>();
      CountDownLatch allBound = new CountDownLatch(pods);
      String[] bodies = new String[pods];
      for (int i = 0; i < pods; i++) {
        index.put(prefix + i, i);
        bodies[i] = client.getKubernetesSerialization().asJson(pod(prefix + i));
      }
      String from = client.pods().inNamespace(NS).list().getMetadata().getResourceVersion();
      try (BlockingApi api = new BlockingApi(cluster.apiUrl(), cluster.adminToken(), WRITERS + 1)) {
        api.watch(PODS + "?watch=true&resourceVersion=" + from, event -> {
          JsonNode pod = event.path("object");
          Integer i = index.get(pod.path("metadata").path("name").asString(""));
          if (i != null && !pod.path("spec").path("nodeName").isMissingNode() && bound[i] == 0) {
            bound[i] = System.nanoTime();
            allBound.countDown();
          }
        });
        CpuUse machine = CpuUse.since(cluster);
        long started = System.nanoTime();
        parallel(pods, i -> {
          created[i] = System.nanoTime();
          int status = api.post(PODS, bodies[i]);
          if (status != 201) {
            throw new IllegalStateException("create answered HTTP " + status);
          }
        });
        double createSeconds = seconds(System.nanoTime() - started);
        boolean finished = allBound.await(10, TimeUnit.MINUTES);
        return new Round(started, createSeconds, created, bound, finished, machine.summary(), machine.jitShare());
      }
    }

    long last() {
      return Arrays.stream(bound).max().orElse(started);
    }

    List<Long> latencies() {
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < created.length; i++) {
        if (bound[i] != 0) {
          latencies.add(bound[i] - created[i]);
        }
      }
      latencies.sort(null);
      return latencies;
    }

    double throughput() {
      return latencies().size() / seconds(last() - started);
    }
  }

  private static void report(int nodes, int pods, Round round) {
    List<Long> latencies = round.latencies();
    double p50 = millis(percentile(latencies, 0.50));
    double p99 = millis(percentile(latencies, 0.99));
    System.out.printf("pods created in %.1f s (%.0f creates/s)%n", round.createSeconds(),
        pods / round.createSeconds());
    System.out.printf("pods bound: %d of %d%s in %.1f s%n", latencies.size(), pods,
        round.finished() ? "" : " (timed out)", seconds(round.last() - round.started()));
    System.out.printf("create-to-bound latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", p50, p99,
        millis(latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1)));
    System.out.printf("scheduler bench: %d nodes, %d pods: %.0f pods/s bound end to end, p50 %.0f ms, p99 %.0f ms%n",
        nodes, pods, round.throughput(), p50, p99);
  }

  private static long percentile(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static Node node(String name) {
    Map<String, Quantity> resources = Map.of("cpu", new Quantity("32"), "memory", new Quantity("128Gi"),
        "pods", new Quantity("110"));
    return new NodeBuilder().withNewMetadata().withName(name).addToLabels("bench", "true").endMetadata()
        .withNewSpec().endSpec()
        .withNewStatus().withCapacity(resources).withAllocatable(resources)
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
        .endStatus().build();
  }

  private static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("kubeboot/pause:latest").withNewResources()
        .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi")).endResources()
        .endContainer().endSpec().build();
  }

  private interface Task {
    void run(int i) throws Exception;
  }

  private static void parallel(int count, Task task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    for (int i = 0; i < count; i++) {
      int n = i;
      pool.execute(() -> {
        try {
          task.run(n);
        } catch (Exception e) {
          System.err.println("request " + n + " failed: " + e);
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
