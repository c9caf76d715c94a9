package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `kubectl delete namespace` empties the namespace first and returns once it is gone, as upstream. */
class NamespaceDeletionIT {

  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("reconciler-service", Map.of());
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void deletingANamespaceDeletesItsContentThenTheNamespace() {
    assertThat(kubectl.run("create", "namespace", "scratch").exitCode()).isZero();
    assertThat(kubectl.run("create", "deployment", "web", "--image=kubeboot/busybox:latest", "--replicas=2",
        "-n", "scratch").exitCode()).isZero();
    client.configMaps().inNamespace("scratch").resource(new ConfigMapBuilder().withNewMetadata()
        .withName("settings").endMetadata().addToData("a", "1").build()).create();

    Kubectl.Result deleted = kubectl.run("delete", "namespace", "scratch", "--timeout=90s");

    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
    assertThat(deleted.out()).contains("namespace \"scratch\" deleted");
    assertThat(client.namespaces().withName("scratch").get()).isNull();
    assertThat(client.configMaps().inNamespace("scratch").list().getItems()).isEmpty();
    assertThat(client.apps().deployments().inNamespace("scratch").list().getItems()).isEmpty();
    assertThat(client.apps().replicaSets().inNamespace("scratch").list().getItems()).isEmpty();
    assertThat(client.pods().inNamespace("scratch").list().getItems()).isEmpty();
    // the name is free again
    assertThat(kubectl.run("create", "namespace", "scratch").exitCode()).isZero();
  }
}
