package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A watch from a resourceVersion whose history was compacted ends with 410 Expired, as upstream. */
class WatchCompactionTest extends ApiTest {

  @Autowired
  EventLog eventLog;

  @Test
  void watchFromCompactedVersionGetsGone() throws Exception {
    String path = "/api/v1/namespaces/default/configmaps";
    RestClient.Reply first = api.post(path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"old\"}}");
    String old = first.body().at("/metadata/resourceVersion").asString();
    for (int i = 0; i < 5; i++) {
      api.post(path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"newer-" + i + "\"}}");
    }
    // compaction only drops events the outbox has published
    await().atMost(Duration.ofSeconds(20)).until(() -> eventLog.publishedRevision() == eventLog.currentRevision());
    eventLog.compact(2);

    BufferedReader watch = api.watch(path + "?watch=true&resourceVersion=" + old + "&timeoutSeconds=10");
    JsonNode event = RestClient.JSON.readTree(watch.readLine());
    watch.close();

    assertThat(event.path("type").asString()).isEqualTo("ERROR");
    assertThat(event.at("/object/code").asInt()).isEqualTo(410);
    assertThat(event.at("/object/reason").asString()).isEqualTo("Expired");
    assertThat(event.at("/object/message").asString()).startsWith("too old resource version: " + old);
  }
}
