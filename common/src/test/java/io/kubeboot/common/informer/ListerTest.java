package io.kubeboot.common.informer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API-backed lister asks for the whole resource and reads the list's resourceVersion. */
class ListerTest {

  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private KubernetesClient client;

  @BeforeEach
  void serveLists() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      String body = exchange.getRequestURI().getPath().endsWith("/pods")
          ? """
            {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"42"},"items":[
              {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"a","name":"p1","resourceVersion":"40"}},
              {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"b","name":"p2","resourceVersion":"41"}}]}
            """
          : """
            {"apiVersion":"v1","kind":"NodeList","metadata":{"resourceVersion":"7"},"items":[
              {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","resourceVersion":"5"}}]}
            """;
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort()).withRequestRetryBackoffLimit(0).build())
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void listsNamespacedResourcesAcrossAllNamespaces() {
    Lister.Snapshot<Pod> snapshot = Lister.fromApi(client, Pod.class).list();

    assertThat(paths).containsExactly("/api/v1/pods");
    assertThat(snapshot.resourceVersion()).isEqualTo(42);
    assertThat(snapshot.items()).extracting(pod -> pod.getMetadata().getName()).containsExactly("p1", "p2");
  }

  @Test
  void listsClusterScopedResources() {
    Lister.Snapshot<Node> snapshot = Lister.fromApi(client, Node.class).list();

    assertThat(paths).containsExactly("/api/v1/nodes");
    assertThat(snapshot.resourceVersion()).isEqualTo(7);
    assertThat(snapshot.items()).hasSize(1);
  }
}
