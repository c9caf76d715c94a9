package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controllers keep converging when the reconciler is restarted mid-rollout or its events
 * arrive twice. Pods run on simulated nodes; a rollout is held at a known step by giving the new
 * template a nodeSelector no node matches yet, and let go by labelling the nodes.
 */
class ReconcilerRestartIT {

  static final String NS = "default";
  static final List<String> NODES = List.of("restart-node-0", "restart-node-1");
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static int reconciler;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    reconciler = cluster.startComponent("reconciler-service", Map.of());
    cluster.startComponent("scheduler-service", Map.of());
    cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", Integer.toString(NODES.size()),
        "KUBEBOOT_SIMULATED_NODE_PREFIX", "restart-node"));
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
    await().atMost(Duration.ofSeconds(90)).until(() -> client.nodes().list().getItems().size() == NODES.size());
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void aRolloutInterruptedByARestartCompletesWithOneNewReplicaSetAndNoExtraPods() throws Exception {
    // 6 replicas, maxSurge 2, maxUnavailable 1
    rollOut("restart", 6, "registry.example/app:1", null);
    Set<String> firstPods = podNames("restart");
    try (RolloutObserver observer = RolloutObserver.start(client, NS, "restart")) {
      rollOut("restart", 6, "registry.example/app:2", "restart-go");
      // held: the old ReplicaSet gave up 1, the new one took what maxSurge leaves, its pods wait for a node
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(replicaSets("restart")).extracting(rs -> rs.getSpec().getReplicas()).containsExactly(5, 3));

      cluster.stopComponent(reconciler);
      NODES.forEach(node -> kubectl.run("label", "node", node, "restart-go=yes").assertSucceeded());
      // the world moves on without the controllers: the new pods start, nobody updates the ReplicaSets
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pods("restart"))
          .filteredOn(pod -> "Running".equals(pod.getStatus().getPhase())).hasSize(8));
      reconciler = cluster.startComponent("reconciler-service", Map.of());

      assertCompleted("restart", 6, observer, firstPods);
    }
  }

  @Test
  void duplicatedEventsMakeTheControllersDoNothingMore() throws Exception {
    rollOut("twice", 4, "registry.example/app:1", null);
    Set<String> firstPods = podNames("twice");
    try (RolloutObserver observer = RolloutObserver.start(client, NS, "twice")) {
      rollOut("twice", 4, "registry.example/app:2", "twice-go");
      // 4 replicas, maxSurge 1, maxUnavailable 1: held at 3 old and 2 new, every one of those pods
      // created (the ReplicaSet controller creates in batches, so the spec alone says too little)
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(replicaSets("twice")).extracting(rs -> rs.getSpec().getReplicas()).containsExactly(3, 2);
        assertThat(replicaSets("twice")).extracting(rs -> rs.getStatus().getReplicas()).containsExactly(3, 2);
        assertThat(pods("twice")).hasSize(5);
      });
      Map<String, Integer> heldReplicaSets = specReplicas("twice");
      Set<String> heldPods = podNames("twice");
      double skippedBefore = skippedEvents();

      // every event of the resources a rollout involves arrives once more, after the newer ones
      int copies = TopicReplay.copyAll(List.of(cluster.topicPrefix() + "deployments.apps",
          cluster.topicPrefix() + "replicasets.apps", cluster.topicPrefix() + "pods"));
      assertThat(copies).isGreaterThan(20);
      await().atMost(Duration.ofSeconds(60)).until(() -> skippedEvents() - skippedBefore >= copies);
      assertThat(specReplicas("twice")).isEqualTo(heldReplicaSets);
      assertThat(podNames("twice")).isEqualTo(heldPods);

      NODES.forEach(node -> kubectl.run("label", "node", node, "twice-go=yes").assertSucceeded());
      assertCompleted("twice", 4, observer, firstPods);
    }
  }

  /** Applies the Deployment {@code name} with {@code image}, its pods held to nodes labelled {@code nodeLabel}. */
  private static void rollOut(String name, int replicas, String image, String nodeLabel) {
    String selector = nodeLabel == null ? "" : """
              nodeSelector:
                %s: "yes"
        """.formatted(nodeLabel);
    kubectl.withInput("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          replicas: %d
          selector:
            matchLabels:
              app: %s
          strategy:
            rollingUpdate:
              maxSurge: %d
              maxUnavailable: 1
          template:
            metadata:
              labels:
                app: %s
            spec:
        %s      containers:
              - name: app
                image: %s
        """.formatted(name, replicas, name, replicas / 3, name, selector, image), "-n", NS, "apply", "-f", "-")
        .assertSucceeded();
    if (nodeLabel == null) {
      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(pods(name)).hasSize(replicas)
          .allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running")));
    }
  }

  /**
   * The rollout of revision 2 finished as upstream's would: one new ReplicaSet with every replica,
   * the old one at zero, revisions in order, and no pod beyond the ones the new ReplicaSet needed;
   * at no time did the ReplicaSets ask for more than replicas + maxSurge.
   */
  private static void assertCompleted(String name, int replicas, RolloutObserver observer, Set<String> firstPods)
      throws Exception {
    String status = kubectl.outputUntil("successfully rolled out", Duration.ofSeconds(100), "-n", NS, "rollout",
        "status", "deployment/" + name, "--timeout=90s");
    assertThat(status).contains("deployment \"" + name + "\" successfully rolled out");

    List<ReplicaSet> sets = replicaSets(name);
    assertThat(sets).hasSize(2);
    ReplicaSet old = sets.get(0);
    ReplicaSet current = sets.get(1);
    assertThat(old.getSpec().getReplicas()).isZero();
    assertThat(current.getSpec().getReplicas()).isEqualTo(replicas);
    assertThat(old.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(current.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(client.apps().deployments().inNamespace(NS).withName(name).get().getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pods(name)).hasSize(replicas)
        .allSatisfy(pod -> {
          assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/app:2");
          assertThat(pod.getMetadata().getOwnerReferences().get(0).getName())
              .isEqualTo(current.getMetadata().getName());
        }));

    assertThat(observer.podsOf(current.getMetadata().getName())).as("pods the new ReplicaSet created")
        .hasSize(replicas);
    assertThat(observer.podsOf(old.getMetadata().getName())).as("pods of the old ReplicaSet")
        .isEqualTo(firstPods);
    assertThat(observer.maxSpecReplicas()).as("replicas asked for at once")
        .isLessThanOrEqualTo(replicas + replicas / 3);
  }

  /** The Deployment's ReplicaSets, oldest revision first. */
  private static List<ReplicaSet> replicaSets(String app) {
    return client.apps().replicaSets().inNamespace(NS).withLabel("app", app).list().getItems().stream()
        .sorted(Comparator.comparing(rs -> Integer.parseInt(rs.getMetadata().getAnnotations()
            .get("deployment.kubernetes.io/revision")))).toList();
  }

  private static Map<String, Integer> specReplicas(String app) {
    return replicaSets(app).stream().collect(Collectors.toMap(rs -> rs.getMetadata().getName(),
        rs -> rs.getSpec().getReplicas()));
  }

  private static List<Pod> pods(String app) {
    return client.pods().inNamespace(NS).withLabel("app", app).list().getItems();
  }

  private static Set<String> podNames(String app) {
    return pods(app).stream().map(pod -> pod.getMetadata().getName()).collect(Collectors.toSet());
  }

  /** Events the reconciler's informers skipped as already known, over the resources a rollout involves. */
  private static double skippedEvents() throws Exception {
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + reconciler + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher matcher = Pattern.compile("(?m)^informer_events_total\\{([^}]*)} (\\S+)$").matcher(metrics.body());
    double skipped = 0;
    while (matcher.find()) {
      String labels = matcher.group(1);
      if (labels.contains("result=\"skipped\"") && (labels.contains("resource=\"pods\"")
          || labels.contains("resource=\"replicasets.apps\"") || labels.contains("resource=\"deployments.apps\""))) {
        skipped += Double.parseDouble(matcher.group(2));
      }
    }
    return skipped;
  }
}
