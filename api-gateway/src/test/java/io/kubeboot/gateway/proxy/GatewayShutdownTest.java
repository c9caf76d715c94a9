package io.kubeboot.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.gateway.ApiGatewayApplication;
import io.kubeboot.gateway.support.GatewayTest;
import io.kubeboot.gateway.support.StubResourceService;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway that shuts down ends the watches it relays, as a timeout would, while
 * resource-service still holds them open: their clients reconnect at once and graceful shutdown
 * does not wait for them.
 */
class GatewayShutdownTest {

  @Test
  void shuttingDownEndsRelayedWatchesRatherThanWaitingForThem() throws Exception {
    CountDownLatch testOver = new CountDownLatch(1);
    try (StubResourceService resourceService = new StubResourceService()) {
      resourceService.on("GET", "/api/v1/namespaces/default/pods", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\"}}\n"
              .getBytes(StandardCharsets.UTF_8));
          out.flush();
          testOver.await(10, TimeUnit.MINUTES); // resource-service keeps the watch open
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      ConfigurableApplicationContext gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run(
          "--server.port=0",
          "--kubeboot.gateway.tokens-file=src/test/resources/tokens.csv",
          "--kubeboot.gateway.authorization-mode=AlwaysAllow",
          "--kubeboot.resource-service.url=" + resourceService.url(),
          // graceful shutdown would wait this long for a watch still open: far beyond the test's patience
          "--spring.lifecycle.timeout-per-shutdown-phase=10m");
      int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
      HttpResponse<Stream<String>> watch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/namespaces/default/pods?watch=true"))
          .header("Authorization", "Bearer " + GatewayTest.ADMIN_TOKEN).build(),
          HttpResponse.BodyHandlers.ofLines());
      Iterator<String> events = watch.body().iterator();
      assertThat(events.next()).contains("ADDED"); // the watch is open and relaying

      CompletableFuture<Void> shutdown = CompletableFuture.runAsync(gateway::close);
      CompletableFuture<Boolean> moreEvents = CompletableFuture.supplyAsync(events::hasNext);

      assertThat(moreEvents.get(60, TimeUnit.SECONDS)).isFalse();
      shutdown.get(60, TimeUnit.SECONDS);
      assertThat(gateway.isActive()).isFalse();
    } finally {
      testOver.countDown();
    }
  }
}
