package io.kubeboot.e2e.bench;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.e2e.ControlPlane;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code ./kubeboot bench rollout [nodes] [replicas] [progress]}: on a cluster with the scheduler, the
 * controllers and one node-agent process simulating {@code nodes} nodes (default 100), scales a
 * Deployment from 0 to {@code replicas} (default 1,000) and times it until every pod is Running
 * and the Deployment counts them all available; then changes the pod template and times the
 * rolling update until all replicas are updated and available and the old ones are gone. Both
 * are timed after the same done once as a warm-up. With {@code progress}, prints
 * every 5 s where the pods are.
 */
public final class RolloutBench {

  private static final String NS = "default";
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String NAME = "rollout";
  private static final String WARM_UP = "warm-up";

  private RolloutBench() {
  }

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    // listing every pod each 5 s costs the API server too: shown only when asked for
    boolean showProgress = args.length > 2 && "progress".equals(args[2]);
    try (ControlPlane cluster = ControlPlane.dedicated(); KubernetesClient client = cluster.newClient()) {
      cluster.startComponent("reconciler-service", Map.of());
      cluster.startComponent("scheduler-service", Map.of());
      cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", Integer.toString(nodes),
          "KUBEBOOT_SIMULATED_NODE_PREFIX", "bench-sim"));
      long nodesReady = Waits.millisUntil(Duration.ofMinutes(5), POLL, () -> client.nodes().list().getItems().stream()
          .filter(n -> n.getSpec().getPodCIDR() != null && n.getStatus() != null && n.getStatus().getConditions()
              .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
          .count() == nodes);
      System.out.printf("%d simulated nodes Ready with pod CIDRs after %.1f s%n", nodes, nodesReady / 1e3);

      // a warm-up round, timed apart: the JIT compilers of freshly started JVMs spend as much CPU in
      // their first minute as the control plane's work, which a cluster that has run a while no longer pays
      long warmUpStart = System.currentTimeMillis();
      scaleUp(client, WARM_UP, replicas, false);
      rollOut(client, WARM_UP, replicas, false);
      client.apps().deployments().inNamespace(NS).withName(WARM_UP).delete();
      Waits.millisUntil(Duration.ofMinutes(5), POLL,
          () -> client.pods().inNamespace(NS).withLabel("app", WARM_UP).list().getItems().isEmpty());
      System.out.printf("warm-up (%d replicas scaled up, rolled and deleted): %.1f s%n", replicas,
          (System.currentTimeMillis() - warmUpStart) / 1e3);

      CpuUse cpu = CpuUse.since(cluster);
      long scaleUp = scaleUp(client, NAME, replicas, showProgress);
      System.out.printf("scale 0 -> %d: all Running and available after %.1f s (%.0f pods/s)%n", replicas,
          scaleUp / 1e3, replicas / (scaleUp / 1e3));
      System.out.println("  " + cpu.summary());

      cpu = CpuUse.since(cluster);
      long rollout = rollOut(client, NAME, replicas, showProgress);
      System.out.printf("rolling update of %d pods (maxSurge/maxUnavailable 25%%): done after %.1f s%n", replicas,
          rollout / 1e3);
      System.out.println("  " + cpu.summary());
      System.out.printf("rollout bench: %d simulated nodes, %d replicas: scale-up %.1f s, rolling update %.1f s%n",
          nodes, replicas, scaleUp / 1e3, rollout / 1e3);
    }
    System.exit(0);
  }

  /** Creates Deployment {@code name} with 0 replicas, scales it and returns the milliseconds until it settled. */
  private static long scaleUp(KubernetesClient client, String name, int replicas, boolean showProgress)
      throws Exception {
    client.apps().deployments().inNamespace(NS).resource(deployment(name, "kubeboot/pause:1")).create();
    client.apps().deployments().inNamespace(NS).withName(name).scale(replicas);
    try (AutoCloseable progress = showProgress ? progress(client, name) : () -> { }) {
      return Waits.millisUntil(Duration.ofMinutes(15), POLL, () -> settled(client, name, replicas, d -> true));
    }
  }

  /** Changes the pod template's image and returns the milliseconds until the rolling update settled. */
  private static long rollOut(KubernetesClient client, String name, int replicas, boolean showProgress)
      throws Exception {
    long generation = client.apps().deployments().inNamespace(NS).withName(name)
        .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
            .withImage("kubeboot/pause:2").endContainer().endSpec().endTemplate().endSpec().build())
        .getMetadata().getGeneration();
    try (AutoCloseable progress = showProgress ? progress(client, name) : () -> { }) {
      return Waits.millisUntil(Duration.ofMinutes(15), POLL, () -> settled(client, name, replicas,
          d -> d.getStatus().getObservedGeneration() != null && d.getStatus().getObservedGeneration() >= generation));
    }
  }

  /**
   * Every 5 s, where the pods are: created, bound to a node, Running, being deleted; and what
   * the Deployment's status counts. Shows which stage of the pipeline lags.
   */
  private static AutoCloseable progress(KubernetesClient client, String name) {
    long start = System.currentTimeMillis();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleWithFixedDelay(() -> {
      try {
        List<Pod> pods = client.pods().inNamespace(NS).withLabel("app", name).list().getItems();
        var status = client.apps().deployments().inNamespace(NS).withName(name).get().getStatus();
        System.out.printf("  %5.1f s: pods %d, bound %d, running %d, deleting %d; deployment updated %s, available %s%n",
            (System.currentTimeMillis() - start) / 1e3, pods.size(),
            pods.stream().filter(p -> p.getSpec().getNodeName() != null).count(),
            pods.stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count(),
            pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() != null).count(),
            status == null ? null : status.getUpdatedReplicas(), status == null ? null : status.getAvailableReplicas());
      } catch (RuntimeException e) {
        System.out.println("  progress: " + e.getMessage());
      }
    }, 5, 5, TimeUnit.SECONDS);
    return timer::shutdownNow;
  }

  /** All replicas updated, available and alone: what {@code kubectl rollout status} waits for. */
  private static boolean settled(KubernetesClient client, String name, int replicas, Predicate<Deployment> also) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
    var status = d.getStatus();
    return status != null && also.test(d) && eq(status.getUpdatedReplicas(), replicas)
        && eq(status.getAvailableReplicas(), replicas) && eq(status.getReplicas(), replicas);
  }

  private static boolean eq(Integer value, int expected) {
    return value != null && value == expected;
  }

  private static Deployment deployment(String name, String image) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(0).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage(image).withNewResources()
        .addToRequests("cpu", new Quantity("10m")).addToRequests("memory", new Quantity("16Mi")).endResources()
        .endContainer().endSpec().endTemplate().endSpec().build();
  }
}
