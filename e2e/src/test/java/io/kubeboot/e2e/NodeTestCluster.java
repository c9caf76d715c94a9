package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A dedicated cluster with one real node agent, a client and a namespace, for tests of what runs
 * on the node; closing it removes the node's containers and stops the cluster.
 */
final class NodeTestCluster implements AutoCloseable {

  private final ControlPlane cluster;
  private final KubernetesClient client;
  private final String namespace;
  private LocalNode node;

  private NodeTestCluster(ControlPlane cluster, String namespace) {
    this.cluster = cluster;
    this.client = cluster.newClient();
    this.namespace = namespace;
  }

  /** Starts the cluster, the extra {@code components} (e.g. reconciler-service), the node agent and the namespace. */
  static NodeTestCluster start(String namespace, String... components) {
    ControlPlane cluster = ControlPlane.dedicated();
    NodeTestCluster started = new NodeTestCluster(cluster, namespace);
    try {
      for (String component : components) {
        cluster.startComponent(component, Map.of());
      }
      started.node = LocalNode.start(cluster);
      started.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
          .endMetadata().build()).create();
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  KubernetesClient client() {
    return client;
  }

  LocalNode node() {
    return node;
  }

  /** Creates a pod in the namespace from its JSON. */
  void create(String podJson) {
    client.pods().inNamespace(namespace).resource(client.getKubernetesSerialization().unmarshal(podJson, Pod.class))
        .create();
  }

  /** The pod once it exists, has a status and meets {@code condition}; generous, for a slow shared machine. */
  Pod awaitPod(String name, Predicate<Pod> condition) {
    return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> client.pods().inNamespace(namespace).withName(name).get(),
            p -> p != null && p.getStatus() != null && condition.test(p));
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
    }
    client.close();
    cluster.close();
  }
}
