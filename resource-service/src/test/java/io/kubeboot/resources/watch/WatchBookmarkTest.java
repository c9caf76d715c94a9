package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A watch that allows bookmarks is told, with no event of its own to send, how far the log has
 * moved: its bookmark carries the newest revision, past the changes of other resources.
 */
class WatchBookmarkTest extends ApiTest {

  @Test
  void aQuietWatchIsBookmarkedPastOtherResourcesChanges() throws Exception {
    String configMaps = "/api/v1/namespaces/default/configmaps";
    String from = api.post(configMaps, configMap("bookmark-start")).body().at("/metadata/resourceVersion").asString();
    BufferedReader watch = api.watch("/api/v1/namespaces/default/secrets?watch=true&allowWatchBookmarks=true"
        + "&timeoutSeconds=20&resourceVersion=" + from);
    long last = 0;
    for (int i = 0; i < 600; i++) {
      last = Long.parseLong(api.post(configMaps, configMap("bookmark-" + i)).body()
          .at("/metadata/resourceVersion").asString());
    }

    JsonNode event;
    do {
      event = RestClient.JSON.readTree(watch.readLine());
      assertThat(event.path("type").asString()).isEqualTo("BOOKMARK");
      assertThat(event.at("/object/kind").asString()).isEqualTo("Secret");
    } while (Long.parseLong(event.at("/object/metadata/resourceVersion").asString()) < last);
    watch.close();
  }

  private static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}";
  }
}
