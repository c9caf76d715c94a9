package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad requests through the gateway get a Kubernetes Status with the right code and reason, and
 * leave the store untouched (its resourceVersion does not move).
 */
class BadInputIT {

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = Tls.trustingClient();

  static ControlPlane cluster;

  @BeforeAll
  static void cluster() {
    cluster = ControlPlane.get();
  }

  @Test
  void everyKindOfBadInputIsRejectedWithoutWriting() throws Exception {
    long before = revision();

    assertStatus(post(DEPLOYMENTS, "application/json", "{\"apiVersion\":\"apps/v1\",", true), 400, "BadRequest");
    assertStatus(post(DEPLOYMENTS, "application/yaml", "apiVersion: apps/v1\nkind: [Deployment\n", true), 400,
        "BadRequest");
    assertStatus(post(DEPLOYMENTS, "application/json", deployment("typed", "\"replicas\":\"four\","), true), 400,
        "BadRequest");
    assertStatus(post(DEPLOYMENTS, "application/json", deployment("Bad_Name", ""), true), 422, "Invalid");
    assertStatus(post(DEPLOYMENTS, "application/json", "{\"x\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}", true),
        413, "RequestEntityTooLarge");
    assertStatus(post(DEPLOYMENTS, "application/json", deployment("anon", ""), false), 401, "Unauthorized");
    assertStatus(send(HttpRequest.newBuilder(URI.create(cluster.apiUrl() + DEPLOYMENTS))
        .header("Authorization", "Bearer not-a-token").GET()), 401, "Unauthorized");

    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void staleResourceVersionIsAConflict() throws Exception {
    HttpResponse<String> created = post(DEPLOYMENTS, "application/json", deployment("stale", ""), true);
    JsonNode object = JSON.readTree(created.body());
    String first = object.at("/metadata/resourceVersion").asString();
    HttpResponse<String> scaled = send(authorized(DEPLOYMENTS + "/stale/scale")
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":2}}")));
    assertThat(scaled.statusCode()).as(scaled.body()).isEqualTo(200);

    HttpResponse<String> stale = send(authorized(DEPLOYMENTS + "/stale").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(object.toString())));

    assertStatus(stale, 409, "Conflict");
    assertThat(first).isNotEmpty();
  }

  private static String deployment(String name, String extraSpec) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s"},
         "spec":{%2$s"selector":{"matchLabels":{"app":"x"}},
          "template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}"""
        .formatted(name, extraSpec);
  }

  private static long revision() throws Exception {
    return Long.parseLong(JSON.readTree(send(authorized(DEPLOYMENTS).GET()).body())
        .at("/metadata/resourceVersion").asString());
  }

  private static void assertStatus(HttpResponse<String> response, int code, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asString()).isEqualTo("Status");
    assertThat(status.path("reason").asString()).isEqualTo(reason);
    assertThat(status.path("code").asInt()).isEqualTo(code);
  }

  private static HttpResponse<String> post(String path, String contentType, String body, boolean withToken)
      throws Exception {
    HttpRequest.Builder request = (withToken ? authorized(path) : HttpRequest.newBuilder(URI.create(cluster.apiUrl() + path)))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request);
  }

  private static HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(cluster.apiUrl() + path))
        .header("Authorization", "Bearer " + cluster.adminToken());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
