package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many watches are served at once: each gets its own thread, none waits behind the others. */
class WatchFanOutTest extends ApiTest {

  private static final int WATCHERS = 40;

  @Test
  void everyOneOfManyWatchersReceivesTheChange() throws Exception {
    String path = "/api/v1/namespaces/default/configmaps";
    String version = api.get(path).body().at("/metadata/resourceVersion").asString();
    List<BufferedReader> watches = new ArrayList<>();
    for (int i = 0; i < WATCHERS; i++) {
      watches.add(api.watch(path + "?watch=true&fieldSelector=metadata.name%3Dfanned&resourceVersion=" + version
          + "&timeoutSeconds=30"));
    }
    api.post(path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fanned\"}}");

    List<CompletableFuture<String>> firstLines = new ArrayList<>();
    for (BufferedReader watch : watches) {
      firstLines.add(CompletableFuture.supplyAsync(() -> {
        try {
          return watch.readLine();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (CompletableFuture<String> line : firstLines) {
      JsonNode event = RestClient.JSON.readTree(line.get(20, TimeUnit.SECONDS));
      assertThat(event.path("type").asString()).isEqualTo("ADDED");
      assertThat(event.at("/object/metadata/name").asString()).isEqualTo("fanned");
    }
    for (BufferedReader watch : watches) {
      watch.close();
    }
  }
}
