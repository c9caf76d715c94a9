package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deletion propagation through the garbage collector with the real kubectl: {@code --cascade=foreground}
 * returns only once the ReplicaSet and its pods are gone, and they go before their owners;
 * {@code --cascade=orphan} leaves them running without the owner. Pods run on simulated nodes.
 */
class GarbageCollectionIT {

  static final String NS = "gc";
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of());
    cluster.startComponent("scheduler-service", Map.of());
    cluster.startComponent("node-agent", Map.of("KUBEBOOT_SIMULATED_NODES", "2",
        "KUBEBOOT_SIMULATED_NODE_PREFIX", "gc-node"));
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void foregroundDeletionReturnsOnceTheReplicaSetAndPodsAreGoneAndTheyGoFirst() {
    createRunning("front", 3);
    Map<String, Long> deletedAt = new ConcurrentHashMap<>();
    try (Watch pods = client.pods().inNamespace(NS).withLabel("app", "front").watch(deletions(deletedAt));
        Watch sets = client.apps().replicaSets().inNamespace(NS).withLabel("app", "front").watch(deletions(deletedAt));
        Watch deployments = client.apps().deployments().inNamespace(NS).watch(deletions(deletedAt))) {

      kubectl.run("-n", NS, "delete", "deployment", "front", "--cascade=foreground", "--timeout=50s").assertSucceeded();

      // kubectl waited for the Deployment to go: by then its ReplicaSet and pods are gone as well
      assertThat(client.apps().deployments().inNamespace(NS).withName("front").get()).isNull();
      assertThat(client.apps().replicaSets().inNamespace(NS).withLabel("app", "front").list().getItems()).isEmpty();
      assertThat(client.pods().inNamespace(NS).withLabel("app", "front").list().getItems()).isEmpty();
      // and the cluster-wide resourceVersions of the deletions say in which order they went
      await().atMost(Duration.ofSeconds(30)).until(() -> deletedAt.size() == 5);
    }
    long replicaSet = deletedAt.entrySet().stream().filter(e -> e.getKey().startsWith("ReplicaSet/"))
        .mapToLong(Map.Entry::getValue).max().orElseThrow();
    assertThat(deletedAt.entrySet().stream().filter(e -> e.getKey().startsWith("Pod/")).mapToLong(Map.Entry::getValue))
        .hasSize(3).allMatch(pod -> pod < replicaSet);
    assertThat(deletedAt.get("Deployment/front")).isGreaterThan(replicaSet);
  }

  @Test
  void orphanDeletionLeavesTheReplicaSetAndPodsRunningWithoutTheOwner() {
    createRunning("orphans", 2);
    String replicaSet = client.apps().replicaSets().inNamespace(NS).withLabel("app", "orphans").list().getItems()
        .get(0).getMetadata().getName();

    kubectl.run("-n", NS, "delete", "deployment", "orphans", "--cascade=orphan", "--timeout=50s").assertSucceeded();

    assertThat(client.apps().deployments().inNamespace(NS).withName("orphans").get()).isNull();
    ReplicaSet orphan = client.apps().replicaSets().inNamespace(NS).withName(replicaSet).get();
    assertThat(orphan).isNotNull();
    assertThat(orphan.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(orphan.getMetadata().getDeletionTimestamp()).isNull();
    List<Pod> pods = client.pods().inNamespace(NS).withLabel("app", "orphans").list().getItems();
    assertThat(pods).hasSize(2).allSatisfy(pod -> {
      assertThat(pod.getMetadata().getDeletionTimestamp()).isNull();
      assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getName()).isEqualTo(replicaSet));
    });

    // the orphaned ReplicaSet is an owner like any other: deleting it takes its pods
    kubectl.run("-n", NS, "delete", "replicaset", replicaSet, "--cascade=foreground", "--timeout=50s")
        .assertSucceeded();
    assertThat(client.pods().inNamespace(NS).withLabel("app", "orphans").list().getItems()).isEmpty();
  }

  @Test
  void anOwnerDeletedInTheForegroundWaitsForEveryBlockingDependentOfAnyKind() {
    createRunning("held", 1);
    Deployment owner = client.apps().deployments().inNamespace(NS).withName("held").get();
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("held-config")
        .addToFinalizers("e2e.kubeboot.io/hold")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("held")
        .withUid(owner.getMetadata().getUid()).withBlockOwnerDeletion(true).endOwnerReference()
        .endMetadata().addToData("k", "v").build()).create();

    kubectl.run("-n", NS, "delete", "deployment", "held", "--cascade=foreground", "--wait=false").assertSucceeded();

    // the collector deletes the ConfigMap too, but its own finalizer holds it, and so the Deployment
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(client.configMaps().inNamespace(NS).withName("held-config").get().getMetadata()
          .getDeletionTimestamp()).isNotNull();
      assertThat(client.pods().inNamespace(NS).withLabel("app", "held").list().getItems()).isEmpty();
      assertThat(client.apps().replicaSets().inNamespace(NS).withLabel("app", "held").list().getItems()).isEmpty();
    });
    Deployment waiting = client.apps().deployments().inNamespace(NS).withName("held").get();
    assertThat(waiting.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(waiting.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");

    ConfigMap held = client.configMaps().inNamespace(NS).withName("held-config").get();
    held.getMetadata().setFinalizers(List.of());
    client.configMaps().inNamespace(NS).resource(held).update();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(NS).withName("held").get()).isNull());

    // an object nobody owns, of a kind no controller runs, is not left hanging by its foreground deletion
    kubectl.run("-n", NS, "create", "configmap", "leaf", "--from-literal=k=v").assertSucceeded();
    kubectl.run("-n", NS, "delete", "configmap", "leaf", "--cascade=foreground", "--timeout=50s").assertSucceeded();
    assertThat(client.configMaps().inNamespace(NS).withName("leaf").get()).isNull();
  }

  /** A Deployment of {@code replicas} pods, all Running on the simulated nodes. */
  private static void createRunning(String name, int replicas) {
    kubectl.run("-n", NS, "create", "deployment", name, "--image=registry.example/app:1",
        "--replicas=" + replicas).assertSucceeded();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(client.pods().inNamespace(NS).withLabel("app", name).list().getItems()).hasSize(replicas)
            .allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running")));
  }

  /** Records the resourceVersion each object was deleted at, by {@code Kind/name}. */
  private static <T extends HasMetadata> Watcher<T> deletions(Map<String, Long> deletedAt) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T object) {
        if (action == Action.DELETED) {
          deletedAt.put(object.getKind() + "/" + object.getMetadata().getName(),
              Long.parseLong(object.getMetadata().getResourceVersion()));
        }
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
  }
}
