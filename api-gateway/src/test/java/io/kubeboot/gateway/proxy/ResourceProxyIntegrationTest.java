package io.kubeboot.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.gateway.support.GatewayTest;
import io.kubeboot.gateway.support.StubResourceService;
import io.kubeboot.gateway.support.StubResourceService.Received;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The proxy path against a stand-in resource-service: what is forwarded, what comes back, and what
 * the gateway makes of it for kubectl.
 */
class ResourceProxyIntegrationTest extends GatewayTest {

  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String POD_LIST = """
      {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1021","continue":"next-page"},"items":[
        {"metadata":{"name":"web-1","namespace":"default","uid":"u1","creationTimestamp":"2020-01-01T00:00:00Z"},
         "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"nginx"}]},
         "status":{"phase":"Running","podIP":"10.244.1.5",
           "conditions":[{"type":"Ready","status":"True"}],
           "containerStatuses":[{"name":"web","ready":true,"restartCount":0,"state":{"running":{}}}]}},
        {"metadata":{"name":"web-2","namespace":"default","uid":"u2","creationTimestamp":"2020-01-01T00:00:00Z"},
         "spec":{"containers":[{"name":"web","image":"nginx"}]},
         "status":{"phase":"Pending","containerStatuses":[{"name":"web","ready":false,"restartCount":0,
           "state":{"waiting":{"reason":"ContainerCreating"}}}]}}]}""";

  @Test
  void forwardsMethodPathQueryAndIdentityButNotCredentials() throws Exception {
    resourceService.on("GET", PODS, exchange -> {
      exchange.getResponseHeaders().add("Warning", "299 - \"something is deprecated\"");
      StubResourceService.json(exchange, 200, POD_LIST);
    });

    HttpResponse<String> response = get(PODS + "?labelSelector=app%3Dweb&limit=500",
        "Accept", "application/vnd.kubernetes.protobuf, application/json", "X-Remote-User", "mallory",
        "X-Remote-Group", "system:masters");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body())).isEqualTo(json(POD_LIST));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Warning")).hasValue("299 - \"something is deprecated\"");
    Received received = resourceService.last();
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.uri().getRawPath()).isEqualTo(PODS);
    assertThat(received.uri().getRawQuery()).isEqualTo("labelSelector=app%3Dweb&limit=500");
    assertThat(received.headers().getFirst("Accept")).isEqualTo("application/json");
    assertThat(received.headers().get("X-Remote-User")).containsExactly("admin");
    assertThat(received.headers().get("X-Remote-Group")).containsExactly("system:masters", "system:authenticated");
    assertThat(received.headers().containsKey("Authorization")).isFalse();
  }

  @Test
  void passesErrorStatusesThrough() throws Exception {
    HttpResponse<String> response = get(PODS + "/missing", "Accept", TABLE);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response.body()).path("kind").asString()).isEqualTo("Status");
    assertThat(json(response.body()).path("message").asString()).isEqualTo("not scripted");
  }

  @Test
  void forwardsJsonAndPatchBodiesUnchanged() throws Exception {
    resourceService.onJson("DELETE", PODS + "/web-1", 200, "{\"kind\":\"Status\",\"status\":\"Success\"}");
    resourceService.onJson("PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale", 200,
        "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"spec\":{\"replicas\":4}}");

    HttpResponse<String> delete = send(request(PODS + "/web-1", "Content-Type", "application/json")
        .method("DELETE", BodyPublishers.ofString("{\"propagationPolicy\":\"Background\"}")).build());
    Received deleted = resourceService.last();
    HttpResponse<String> scale = send(request("/apis/apps/v1/namespaces/default/deployments/web/scale",
        "Content-Type", "application/merge-patch+json")
        .method("PATCH", BodyPublishers.ofString("{\"spec\":{\"replicas\":4}}")).build());
    Received scaled = resourceService.last();

    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(deleted.bodyText()).isEqualTo("{\"propagationPolicy\":\"Background\"}");
    assertThat(deleted.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(scale.statusCode()).isEqualTo(200);
    assertThat(scaled.headers().getFirst("Content-Type")).isEqualTo("application/merge-patch+json");
    assertThat(scaled.bodyText()).isEqualTo("{\"spec\":{\"replicas\":4}}");
  }

  /** The body kubectl 1.33 really sends for {@code kubectl create deployment ang --image=junebao/ang}. */
  @Test
  void forwardsKubectlsProtobufCreateAsJson() throws Exception {
    String deployments = "/apis/apps/v1/namespaces/default/deployments";
    resourceService.on("POST", deployments, exchange -> StubResourceService.json(exchange, 201,
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] protobuf = Files.readAllBytes(Path.of("src/test/resources/protobuf/kubectl-1.33/create-deployment-ang.bin"));

    HttpResponse<String> created = send(request(deployments + "?fieldManager=kubectl-create&fieldValidation=Strict",
        "Content-Type", "application/vnd.kubernetes.protobuf",
        "Accept", "application/vnd.kubernetes.protobuf, application/json")
        .POST(BodyPublishers.ofByteArray(protobuf)).build());

    Received received = resourceService.last();
    assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(received.uri().getRawQuery()).isEqualTo("fieldManager=kubectl-create&fieldValidation=Strict");
    assertThat(json(received.bodyText())).isEqualTo(json("""
        {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"ang","labels":{"app":"ang"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ang"}},
          "template":{"metadata":{"labels":{"app":"ang"}},"spec":{"containers":[{"name":"ang","image":"junebao/ang","resources":{}}]}},
          "strategy":{}},"status":{}}"""));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void kubectlGetReceivesATable() throws Exception {
    resourceService.onJson("GET", PODS, 200, POD_LIST);

    HttpResponse<String> response = get(PODS + "?limit=500", "Accept", TABLE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;as=Table;v=v1;g=meta.k8s.io");
    JsonNode table = json(response.body());
    assertThat(table.path("kind").asString()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.path("metadata").path("resourceVersion").asString()).isEqualTo("1021");
    assertThat(table.path("metadata").path("continue").asString()).isEqualTo("next-page");
    assertThat(table.path("columnDefinitions").findValuesAsString("name")).containsExactly("Name", "Ready", "Status",
        "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
    assertThat(table.path("rows").path(0).path("cells").toString()).startsWith("[\"web-1\",\"1/1\",\"Running\",\"0\",\"")
        .endsWith("\"10.244.1.5\",\"node-1\",\"<none>\",\"<none>\"]");
    assertThat(table.path("rows").path(1).path("cells").path(2).asString()).isEqualTo("ContainerCreating");
    JsonNode object = table.path("rows").path(0).path("object");
    assertThat(object.path("kind").asString()).isEqualTo("PartialObjectMetadata");
    assertThat(object.path("metadata").path("namespace").asString()).isEqualTo("default");
    assertThat(resourceService.last().headers().getFirst("Accept")).isEqualTo("application/json");
  }

  @Test
  void anEmptyListIsATableWithoutRows() throws Exception {
    resourceService.onJson("GET", "/api/v1/namespaces/default/services", 200,
        "{\"kind\":\"ServiceList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}");

    JsonNode table = json(get("/api/v1/namespaces/default/services?limit=500", "Accept", TABLE).body());

    assertThat(table.path("rows").isArray()).isTrue();
    assertThat(table.path("rows")).isEmpty();
    assertThat(table.path("columnDefinitions").findValuesAsString("name")).contains("Port(s)");
  }

  /** Each event reaches kubectl while resource-service still holds the stream open. */
  @Test
  void aWatchStreamsEachEventAsATableAsItArrives() throws Exception {
    CountDownLatch firstEventSeen = new CountDownLatch(1);
    AtomicBoolean streamedBeforeTheEnd = new AtomicBoolean();
    resourceService.on("GET", PODS, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(event("ADDED", "web-1").getBytes(StandardCharsets.UTF_8));
        out.flush();
        streamedBeforeTheEnd.set(await(firstEventSeen));
        out.write(event("DELETED", "web-1").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    });

    HttpResponse<Stream<String>> watch = http.send(
        request(PODS + "?resourceVersion=1021&watch=true", "Accept", TABLE).GET().build(),
        HttpResponse.BodyHandlers.ofLines());

    assertThat(watch.statusCode()).isEqualTo(200);
    assertThat(watch.headers().firstValue("Content-Type")).hasValue("application/json;as=Table;v=v1;g=meta.k8s.io");
    Iterator<String> lines = watch.body().iterator();
    JsonNode added = json(lines.next());
    firstEventSeen.countDown();
    JsonNode deleted = json(lines.next());

    assertThat(added.path("type").asString()).isEqualTo("ADDED");
    assertThat(added.path("object").path("kind").asString()).isEqualTo("Table");
    assertThat(added.path("object").path("rows")).hasSize(1);
    assertThat(added.path("object").path("rows").path(0).path("cells").path(0).asString()).isEqualTo("web-1");
    assertThat(deleted.path("type").asString()).isEqualTo("DELETED");
    assertThat(lines.hasNext()).isFalse(); // resource-service ended the stream, so did the gateway
    assertThat(streamedBeforeTheEnd).isTrue();
  }

  @Test
  void aPlainWatchIsRelayedLineByLine() throws Exception {
    resourceService.on("GET", PODS, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write((event("ADDED", "a") + event("MODIFIED", "a")).getBytes(StandardCharsets.UTF_8));
      }
    });

    HttpResponse<String> watch = get(PODS + "?watch=1", "Accept", "application/json");

    assertThat(watch.body().lines().map(line -> json(line).path("type").asString()))
        .containsExactly("ADDED", "MODIFIED");
    assertThat(json(watch.body().lines().findFirst().orElseThrow()).path("object").path("kind").asString())
        .isEqualTo("Pod");
  }

  @Test
  void aResourceServiceThatFailsIsServiceUnavailable() throws Exception {
    resourceService.on("GET", PODS + "/broken", exchange -> {
      exchange.sendResponseHeaders(200, 100);
      exchange.getResponseBody().write("{\"kind\":".getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().close(); // fewer bytes than promised: the connection breaks
    });

    HttpResponse<String> response = get(PODS + "/broken");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response.body()).path("reason").asString()).isEqualTo("ServiceUnavailable");
  }

  @Test
  void requestsAreCountedAndTimedAsUpstream() throws Exception {
    resourceService.onJson("GET", PODS, 200, POD_LIST);
    get(PODS + "?limit=500", "Accept", TABLE);

    String metrics = send(request("/actuator/prometheus").GET().build()).body();

    assertThat(metrics).containsPattern(
        "apiserver_request_total\\{[^}]*code=\"200\",resource=\"pods\",subresource=\"\",verb=\"LIST\"\\} [1-9]");
    assertThat(metrics).containsPattern(
        "apiserver_request_duration_seconds_bucket\\{[^}]*resource=\"pods\",verb=\"LIST\",le=\"0.005\"\\}");
    assertThat(metrics).doesNotContainPattern("apiserver_request_duration_seconds_count\\{[^}]*verb=\"WATCH\"");
  }

  private static String event(String type, String name) {
    return "{\"type\":\"" + type + "\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
        + name + "\",\"namespace\":\"default\",\"resourceVersion\":\"1022\"},\"spec\":{\"containers\":[{\"name\":\"c\"}]},"
        + "\"status\":{\"phase\":\"Pending\"}}}\n";
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
