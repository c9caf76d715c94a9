package io.kubeboot.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every kubeboot service promises operators: its context starts against the real
 * infrastructure, {@code /actuator/health} is UP with the components it depends on, and
 * {@code /actuator/prometheus} serves metrics tagged with the service's name. A service's test
 * extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ActuatorContract {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String applicationName;
  private final String[] requiredHealthComponents;

  @LocalServerPort
  protected int port;

  /**
   * @param applicationName the service's {@code spring.application.name}
   * @param requiredHealthComponents the health components it must report UP, e.g. {@code db}, {@code kafka}
   */
  protected ActuatorContract(String applicationName, String... requiredHealthComponents) {
    this.applicationName = applicationName;
    this.requiredHealthComponents = requiredHealthComponents;
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsUpWithItsInfrastructure() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode body = JsonMapper.builder().build().readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    for (String component : requiredHealthComponents) {
      assertThat(body.path("components").path(component).path("status").asString()).as(component).isEqualTo("UP");
    }
  }

  @Test
  void prometheusServesMetricsOfThisService() throws Exception {
    HttpResponse<String> scrape = get("/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory_used_bytes")
        .contains("application=\"" + applicationName + "\"");
  }
}
