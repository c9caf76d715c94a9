package io.kubeboot.e2e.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubeboot.e2e.ControlPlane;
import io.kubeboot.e2e.LocalNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./kubeboot bench pod-start [pods] [rate]}: pod start-up latency on one real node agent and the
 * local Docker engine. Creates the pods (busybox {@code sleep 3600}, a local image, so no pull)
 * bound to the node through {@code spec.nodeName}, and measures from each create request to the pod
 * seen Running through an API watch: p50, p99, max, and pods started per second from the first
 * create to the last Running. Deletes the pods afterwards. Default 100 pods, all created at once (by
 * {@value #WRITERS} writers); with {@code rate}, created at that many per second, as upstream's
 * density tests pace pod creation when they measure the start-up SLO. Timed after a warm-up of
 * {@value #WARM_UP} pods.
 */
public final class PodStartBench {

  private static final String NS = "bench-pods";
  private static final int WRITERS = 8;
  private static final int WARM_UP = 10;

  private PodStartBench() {
  }

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
    ControlPlane cluster = ControlPlane.get();
    try (KubernetesClient client = cluster.newClient(); LocalNode node = LocalNode.start(cluster, "bench-node")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .create();
      warmUp(client, node.name());
      Latencies latencies = new Latencies(pods);
      Map<String, Long> createdAt = new ConcurrentHashMap<>();
      Map<String, Long> runningAt = new ConcurrentHashMap<>();
      CountDownLatch allRunning = new CountDownLatch(pods);
      long started;
      boolean finished;
      try (Watch watch = client.pods().inNamespace(NS).watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          String name = pod.getMetadata().getName();
          Long created = createdAt.get(name);
          if (created != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
              && runningAt.putIfAbsent(name, System.nanoTime()) == null) {
            latencies.record(runningAt.get(name) - created);
            allRunning.countDown();
          }
        }

        @Override
        public void onClose(WatcherException cause) {
        }
      })) {
        started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < pods; i++) {
          String name = "start-" + i;
          if (rate > 0) {
            // paced: pod i is created i/rate seconds after the first
            long due = started + (long) (i * 1e9 / rate);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
          }
          writers.execute(() -> {
            createdAt.put(name, System.nanoTime());
            client.pods().inNamespace(NS).resource(pod(name, node.name())).create();
          });
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
        finished = allRunning.await(10, TimeUnit.MINUTES);
      }
      long last = runningAt.values().stream().mapToLong(Long::longValue).max().orElse(started);
      double seconds = (last - started) / 1e9;
      double throughput = latencies.count() / seconds;
      System.out.printf("pods running: %d of %d%s in %.1f s (%.1f pods/s)%n", latencies.count(), pods,
          finished ? "" : " (timed out)", seconds, throughput);
      System.out.printf("create-to-running latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
      deleteAll(client, pods);
      System.out.printf("pod-start bench: %d pods on 1 node, %s, %.1f pods/s, p50 %.0f ms, p99 %.0f ms, "
              + "max %.0f ms%n", pods, rate > 0 ? "created at " + rate + "/s" : "created at once", throughput, latencies.percentileMillis(50), latencies.percentileMillis(99),
          latencies.percentileMillis(100));
    }
    System.exit(0);
  }

  /**
   * Starts and deletes {@value #WARM_UP} pods, untimed: a freshly started agent and API server
   * take seconds over their first pods while the JIT compiles their paths, which a node that has
   * run a while no longer pays (upstream's density tests, too, measure on a running cluster).
   */
  private static void warmUp(KubernetesClient client, String node) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < WARM_UP; i++) {
      client.pods().inNamespace(NS).resource(pod("warm-up-" + i, node)).create();
    }
    Waits.millisUntil(Duration.ofMinutes(5), Duration.ofMillis(200), () -> client.pods().inNamespace(NS).list()
        .getItems().stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .count() == WARM_UP);
    client.pods().inNamespace(NS).delete();
    Waits.millisUntil(Duration.ofMinutes(5), Duration.ofMillis(200),
        () -> client.pods().inNamespace(NS).list().getItems().isEmpty());
    System.out.printf("warm-up: %d pods started and deleted in %.1f s%n", WARM_UP, (System.nanoTime() - start) / 1e9);
  }

  /** Deletes the pods and waits until the agent has stopped their containers and removed them. */
  private static void deleteAll(KubernetesClient client, int pods) throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < pods; i++) {
      client.pods().inNamespace(NS).withName("start-" + i).delete();
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    int left = pods;
    while (System.nanoTime() < deadline && (left = client.pods().inNamespace(NS).list().getItems().size()) > 0) {
      Thread.sleep(500);
    }
    System.out.printf("deleted %d pods in %.1f s%s%n", pods, (System.nanoTime() - start) / 1e9,
        left > 0 ? " (" + left + " left)" : "");
  }

  private static Pod pod(String name, String node) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withNodeName(node).withTerminationGracePeriodSeconds(1L)
        .addNewContainer().withName("app").withImage("kubeboot/busybox:latest").withCommand("sleep", "3600")
        .endContainer().endSpec().build();
  }
}
