package io.kubeboot.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A dedicated cluster that runs pods for real: API, the given components (scheduler,
 * controllers), real node agents on this host's Docker engine ({@link LocalNode}s) and a namespace
 * for the test. Closing it stops everything and removes the containers and networks its node
 * agents made, even after a failed test.
 */
final class WorkloadCluster implements AutoCloseable {

  final ControlPlane cluster;
  final KubernetesClient client;
  final Kubectl kubectl;
  final List<LocalNode> nodes = new ArrayList<>();
  private final String namespace;

  private WorkloadCluster(String namespace) {
    this.cluster = ControlPlane.dedicated();
    this.client = cluster.newClient();
    this.kubectl = Kubectl.version("1.33", cluster);
    this.namespace = namespace;
  }

  /** Starts the cluster, the {@code components} (e.g. scheduler-service), {@code nodeCount} Ready nodes and the namespace. */
  static WorkloadCluster start(String namespace, int nodeCount, String... components) {
    WorkloadCluster started = new WorkloadCluster(namespace);
    try {
      for (String component : components) {
        started.cluster.startComponent(component, Map.of());
      }
      for (int i = 0; i < nodeCount; i++) {
        started.nodes.add(LocalNode.start(started.cluster, "e2e-node"));
      }
      started.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
          .endMetadata().build()).create();
      started.nodes.forEach(node -> node.awaitReady(started.client));
      return started;
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  KubernetesClient client() {
    return client;
  }

  /** The first node. */
  LocalNode node() {
    return nodes.get(0);
  }

  List<String> nodeNames() {
    return nodes.stream().map(LocalNode::name).toList();
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

  List<Event> events(String inNamespace) {
    return client.v1().events().inNamespace(inNamespace).list().getItems();
  }

  @Override
  public void close() {
    try {
      nodes.forEach(LocalNode::close);
    } finally {
      client.close();
      cluster.close();
    }
  }
}
