package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.ResourceServiceApplication;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A replica that shuts down ends its open watches as a timeout would, so their clients reconnect
 * at once and graceful shutdown does not wait for them.
 */
class WatchShutdownTest {

  @Test
  void shuttingDownEndsOpenWatchesRatherThanWaitingForThem() throws Exception {
    ConfigurableApplicationContext replica = new SpringApplicationBuilder(ResourceServiceApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=${KUBEBOOT_DB_URL:jdbc:postgresql://127.0.0.1:15432/kubeboot_test}",
        // graceful shutdown would wait this long for a watch still open: far beyond the test's patience
        "--spring.lifecycle.timeout-per-shutdown-phase=10m");
    int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
    // answered (headers sent) once the watch is open
    BufferedReader watch = new RestClient(port)
        .watch("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=600");

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(replica::close);
    CompletableFuture<Void> endOfStream = CompletableFuture.runAsync(() -> readToTheEnd(watch));

    endOfStream.get(60, TimeUnit.SECONDS); // the initial ADDED events, then the end
    shutdown.get(60, TimeUnit.SECONDS);
    assertThat(replica.isActive()).isFalse();
  }

  private static void readToTheEnd(BufferedReader reader) {
    try (reader) {
      reader.lines().forEach(line -> { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
