package io.kubeboot.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.test.ActuatorContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon's context and actuator endpoints. The API URL points where nothing listens, so the
 * overlay keeps waiting for its Node and never touches this host's network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "kubeboot.api.url=http://127.0.0.1:9")
class OverlayNetContextTest extends ActuatorContract {

  OverlayNetContextTest() {
    super("overlay-net");
  }

  @Test
  void healthSaysWhatTheOverlayWaitsForWithoutBeingDown() throws Exception {
    JsonNode overlay = JsonMapper.builder().build().readTree(get("/actuator/health").body())
        .path("components").path("overlay");

    assertThat(overlay.path("status").asString()).isEqualTo("UNKNOWN");
    assertThat(overlay.path("details").path("state").asString()).isEqualTo("waiting");
  }

  @Test
  void prometheusServesTheOverlaysMetricsBeforeTheOverlayIsUp() throws Exception {
    assertThat(get("/actuator/prometheus").body())
        .contains("overlay_packets_total{application=\"overlay-net\",direction=\"in\"} 0.0")
        .contains("overlay_bytes_total{application=\"overlay-net\",direction=\"out\"} 0.0")
        .contains("overlay_dropped_packets_total{application=\"overlay-net\",reason=\"no_route\"} 0.0")
        .contains("overlay_peers{application=\"overlay-net\"} 0.0");
  }
}
