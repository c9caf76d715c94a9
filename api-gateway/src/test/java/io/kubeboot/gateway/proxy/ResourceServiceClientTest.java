package io.kubeboot.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ResourceServiceClientTest {

  @Test
  void aResourceServiceThatIsDownIsServiceUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ResourceServiceClient client = new ResourceServiceClient(HttpClients.createDefault(), HttpClient.newHttpClient(),
        new GatewayProperties(new GatewayProperties.ResourceService(URI.create("http://127.0.0.1:" + closedPort),
            Duration.ofSeconds(1), Duration.ofSeconds(5)), null));

    assertUnavailable(() -> client.exchange(new MockHttpServletRequest("GET", "/api/v1/pods"),
        RequestBodies.Body.NONE));
    assertUnavailable(() -> client.stream(new MockHttpServletRequest("GET", "/api/v1/pods"),
        RequestBodies.Body.NONE));
  }

  private static void assertUnavailable(ThrowingCallable request) {
    assertThatThrownBy(request).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(503);
      assertThat(e.reason()).isEqualTo("ServiceUnavailable");
      assertThat(e.getMessage()).startsWith("the server is currently unable to handle the request");
    });
  }
}
