package io.kubeboot.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a random port, authenticating with src/test/resources/tokens.csv and allowing
 * every authenticated request, in front of a
 * {@link StubResourceService}. Tests talk to it over real HTTP, as kubectl does. The stub is one
 * per JVM, like the cached application context that points at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kubeboot.gateway.tokens-file=src/test/resources/tokens.csv",
        // these tests are about the proxy; authorization is tested with RBAC objects of its own
        "kubeboot.gateway.authorization-mode=AlwaysAllow"})
public abstract class GatewayTest {

  public static final String ADMIN_TOKEN = "admin-token";
  /** kubectl get's Accept header. */
  public static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,"
      + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  protected static final StubResourceService resourceService = new StubResourceService();
  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void resourceServiceUrl(DynamicPropertyRegistry registry) {
    registry.add("kubeboot.resource-service.url", resourceService::url);
  }

  @BeforeEach
  void resetStub() {
    resourceService.reset();
  }

  /** A request to the gateway, authenticated as admin unless headers say otherwise. */
  protected HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (Arrays.stream(headers).noneMatch(h -> h.equalsIgnoreCase("Authorization"))) {
      builder.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  protected HttpResponse<String> get(String path, String... headers) throws Exception {
    return http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  protected static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
