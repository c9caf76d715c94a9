package io.kubeboot.resources.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the Kubernetes REST paths of resource-service under test. */
public final class RestClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public RestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public record Reply(int code, JsonNode body) {
    public String reason() {
      return body.path("reason").asString("");
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply patch(String path, String contentType, String patch) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));
  }

  public Reply delete(String path, String optionsJson) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .method("DELETE", optionsJson == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(optionsJson)));
  }

  /** Opens a watch and returns a reader of its newline-delimited events. */
  public BufferedReader watch(String path) {
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }
}
