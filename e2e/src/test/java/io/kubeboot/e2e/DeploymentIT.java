package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Deployment and ReplicaSet controllers and the garbage collector under the real kubectl: create,
 * scale, set image, rollout status/history/undo and delete. No node agent runs here, so the test
 * plays the kubelet: it marks every pod Running and Ready through the status subresource.
 */
class DeploymentIT {

  static final String NS = "rollout";
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static ScheduledExecutorService kubelet;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of());
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    kubectl = Kubectl.version("1.33", cluster);
    kubelet = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger ips = new AtomicInteger(10);
    kubelet.scheduleWithFixedDelay(() -> markReady(client, NS, ips), 200, 300, TimeUnit.MILLISECONDS);
  }

  @AfterAll
  static void stop() {
    if (kubelet != null) {
      kubelet.shutdownNow();
    }
    client.close();
    cluster.close();
  }

  /** What a kubelet would report once the containers run: phase Running, a pod IP, Ready=True. */
  static void markReady(KubernetesClient client, String namespace, AtomicInteger ips) {
    try {
      for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
        boolean ready = pod.getStatus() != null && pod.getStatus().getConditions() != null
            && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()));
        if (ready || pod.getMetadata().getDeletionTimestamp() != null
            || "false".equals(pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get("ready"))) {
          continue;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Pod running = new PodBuilder(pod).editOrNewStatus().withPhase("Running")
            .withPodIP("10.244.0." + ips.incrementAndGet()).withStartTime(now)
            .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition()
            .endStatus().build();
        try {
          client.pods().inNamespace(namespace).resource(running).updateStatus();
        } catch (KubernetesClientException e) {
          // changed or deleted meanwhile: the next round looks again
        }
      }
    } catch (RuntimeException e) {
      // the next round looks again
    }
  }

  @Test
  void deploymentRollsOutScalesRollsBackAndIsCollected() throws Exception {
    Kubectl.Result created = kubectl.run("-n", NS, "create", "deployment", "web", "--image=kubeboot/busybox:latest");
    assertThat(created.exitCode()).as(created.toString()).isZero();
    String uid = client.apps().deployments().inNamespace(NS).withName("web").get().getMetadata().getUid();

    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      List<ReplicaSet> sets = replicaSets();
      assertThat(sets).hasSize(1);
      OwnerReference owner = sets.get(0).getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getUid()).isEqualTo(uid);
      assertThat(owner.getController()).isTrue();
      List<Pod> pods = pods();
      assertThat(pods).hasSize(1);
      assertThat(pods.get(0).getMetadata().getName()).startsWith(sets.get(0).getMetadata().getName() + "-");
      assertThat(pods.get(0).getMetadata().getOwnerReferences().get(0).getUid())
          .isEqualTo(sets.get(0).getMetadata().getUid());
    });

    Kubectl.Result scaled = kubectl.run("-n", NS, "scale", "deployment/web", "--replicas=4");
    assertThat(scaled.exitCode()).as(scaled.toString()).isZero();
    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(pods()).hasSize(4));
    assertThat(rolloutStatus()).contains("successfully rolled out");

    Kubectl.Result imaged = kubectl.run("-n", NS, "set", "image", "deployment/web", "busybox=kubeboot/busybox:v2");
    assertThat(imaged.exitCode()).as(imaged.toString()).isZero();
    assertThat(rolloutStatus()).contains("deployment \"web\" successfully rolled out");
    assertThat(replicaSets()).hasSize(2);
    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(pods())
        .hasSize(4).allMatch(pod -> pod.getSpec().getContainers().get(0).getImage().equals("kubeboot/busybox:v2")));

    Kubectl.Result history = kubectl.run("-n", NS, "rollout", "history", "deployment/web");
    assertThat(history.out()).as(history.toString()).containsPattern("(?m)^1 ").containsPattern("(?m)^2 ");

    Kubectl.Result undone = kubectl.run("-n", NS, "rollout", "undo", "deployment/web");
    assertThat(undone.out()).as(undone.toString()).contains("rolled back");
    assertThat(rolloutStatus()).contains("successfully rolled out");
    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      assertThat(pods()).hasSize(4)
          .allMatch(pod -> pod.getSpec().getContainers().get(0).getImage().equals("kubeboot/busybox:latest"));
      assertThat(client.apps().deployments().inNamespace(NS).withName("web").get().getMetadata().getAnnotations())
          .containsEntry("deployment.kubernetes.io/revision", "3");
    });
    assertThat(replicaSets()).hasSize(2);

    Kubectl.Result deleted = kubectl.run("-n", NS, "delete", "deployment", "web");
    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
    Awaitility.await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
      assertThat(replicaSets()).isEmpty();
      assertThat(pods()).isEmpty();
    });
  }

  /** What {@code kubectl rollout status} says once it has watched the rollout finish. */
  private String rolloutStatus() throws Exception {
    return kubectl.outputUntil("successfully rolled out", java.time.Duration.ofSeconds(100), "-n", NS, "rollout",
        "status", "deployment/web", "--timeout=90s");
  }

  private static List<ReplicaSet> replicaSets() {
    return client.apps().replicaSets().inNamespace(NS).list().getItems();
  }

  private static List<Pod> pods() {
    return client.pods().inNamespace(NS).list().getItems();
  }
}
