package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The components under RBAC with the identities {@code ./kubeboot up} gives them (its tokens.csv):
 * the scheduler as system:kube-scheduler, the reconciler as system:kube-controller-manager and a
 * node agent in group system:nodes. The default ClusterRoles and bindings let each do its whole job
 * (a Deployment is scheduled, runs, and is garbage-collected after deletion), and the gateway
 * refuses none of their requests.
 */
class ComponentIdentitiesIT {

  static final ControlPlane.User SCHEDULER = ControlPlane.User.named("system:kube-scheduler", "system:authenticated");
  static final ControlPlane.User CONTROLLERS =
      ControlPlane.User.named("system:kube-controller-manager", "system:authenticated");
  static final ControlPlane.User NODE_AGENT = ControlPlane.User.named("system:node-agent", "system:nodes");
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated(List.of(SCHEDULER, CONTROLLERS, NODE_AGENT));
    cluster.startComponent("reconciler-service", Map.of("KUBEBOOT_API_TOKEN", CONTROLLERS.token()));
    cluster.startComponent("scheduler-service", Map.of("KUBEBOOT_API_TOKEN", SCHEDULER.token()));
    cluster.startComponent("node-agent", Map.of("KUBEBOOT_API_TOKEN", NODE_AGENT.token(),
        "KUBEBOOT_SIMULATED_NODES", "1", "KUBEBOOT_SIMULATED_NODE_PREFIX", "rbac"));
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void aDeploymentRunsAndIsCollectedWithNoRequestRefused() throws Exception {
    assertThat(kubectl.run("create", "deployment", "web", "--image=registry.example/app:1", "--replicas=2")
        .exitCode()).isZero();
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
      List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "web").list().getItems();
      assertThat(pods).extracting(pod -> pod.getSpec().getNodeName() + " " + pod.getStatus().getPhase())
          .containsExactly("rbac-0 Running", "rbac-0 Running");
      assertThat(client.apps().deployments().inNamespace("default").withName("web").get().getStatus()
          .getAvailableReplicas()).isEqualTo(2);
    });
    assertThat(client.leases().inNamespace("kube-node-lease").list().getItems()).hasSize(1);

    assertThat(kubectl.run("delete", "deployment", "web").exitCode()).isZero();
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
      assertThat(client.apps().replicaSets().inNamespace("default").list().getItems()).isEmpty();
      assertThat(client.pods().inNamespace("default").list().getItems()).isEmpty();
    });

    assertThat(refusedRequests()).as("requests the gateway answered 401 or 403").isEmpty();
  }

  /** The gateway's {@code apiserver_request_total} series with a 401 or 403 code. */
  private static List<String> refusedRequests() throws Exception {
    HttpResponse<String> metrics = Tls.trustingClient().send(
        HttpRequest.newBuilder(URI.create(cluster.apiUrl() + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    return metrics.body().lines()
        .filter(line -> line.startsWith("apiserver_request_total") && line.matches(".*code=\"40[13]\".*"))
        .toList();
  }
}
