package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fabric8 Kubernetes client works against kubeboot as against an API server. */
class Fabric8ClientIT {

  static KubernetesClient client;

  @BeforeAll
  static void connect() {
    ControlPlane cluster = ControlPlane.get();
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("fabric8").endMetadata().build())
        .create();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void createListPatchAndDelete() {
    client.configMaps().inNamespace("fabric8").resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .addToLabels("app", "f8").endMetadata().addToData("mode", "fast").build()).create();

    List<ConfigMap> listed = client.configMaps().inNamespace("fabric8").withLabel("app", "f8").list().getItems();
    ConfigMap edited = client.configMaps().inNamespace("fabric8").withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("mode", "safe").build());
    client.configMaps().inNamespace("fabric8").withName("settings").delete();

    assertThat(listed).extracting(cm -> cm.getMetadata().getName()).containsExactly("settings");
    assertThat(edited.getData()).containsEntry("mode", "safe");
    Awaitility.await().atMost(10, TimeUnit.SECONDS)
        .until(() -> client.configMaps().inNamespace("fabric8").withName("settings").get() == null);
  }

  @Test
  void watchDeliversChangesAndScaleWorks() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch watch = client.apps().deployments().inNamespace("fabric8").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Deployment deployment) {
        events.add(action + " " + deployment.getMetadata().getName() + " " + deployment.getSpec().getReplicas());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      client.apps().deployments().inNamespace("fabric8").resource(new DeploymentBuilder()
          .withNewMetadata().withName("watched").endMetadata()
          .withNewSpec().withNewSelector().addToMatchLabels("app", "watched").endSelector()
          .withNewTemplate().withNewMetadata().addToLabels("app", "watched").endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("kubeboot/busybox:latest").endContainer()
          .endSpec().endTemplate().endSpec().build()).create();
      client.apps().deployments().inNamespace("fabric8").withName("watched").scale(3);

      Awaitility.await().atMost(20, TimeUnit.SECONDS)
          .until(() -> events.contains("ADDED watched 1") && events.contains("MODIFIED watched 3"));
    }
  }

  @Test
  void errorsComeBackAsStatus() {
    assertThatThrownBy(() -> client.configMaps().inNamespace("no-such-namespace").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("x").endMetadata().build()).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(404);
          assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
        });
  }
}
