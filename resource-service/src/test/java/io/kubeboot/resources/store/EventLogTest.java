package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.AnotherReplica;
import io.kubeboot.resources.support.ResourceServiceTest;
import io.kubeboot.resources.support.RestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader of the log that has fallen behind, reading on from its revision as the watch hub and
 * the outbox relay do, gets every change exactly once and in order: this replica's own from
 * memory and another replica's, which lie between them, from the table.
 */
@ResourceServiceTest
class EventLogTest {

  private static final String NAMESPACE = "event-log";

  @LocalServerPort
  int port;

  @Autowired
  EventLog eventLog;

  @Autowired
  AnotherReplica anotherReplica;

  @Test
  void aReaderBehindGetsEveryReplicasChangesInOrder() {
    RestClient api = new RestClient(port);
    api.post("/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + NAMESPACE + "\"}}");
    long start = eventLog.currentRevision();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      written.add("here-" + i + "@" + createConfigMap(api, "here-" + i));
      written.add("there-" + i + "@" + anotherReplica.createConfigMap(NAMESPACE, "there-" + i));
      written.add("here-" + i + "b@" + createConfigMap(api, "here-" + i + "b"));
    }

    List<String> read = new ArrayList<>();
    long position = start;
    for (List<StoredEvent> events = eventLog.after(position, 3); !events.isEmpty();
        events = eventLog.after(position, 3)) {
      for (StoredEvent event : events) {
        assertThat(event.revision()).isGreaterThan(position);
        position = event.revision();
        if (event.namespace().equals(NAMESPACE)) {
          read.add(event.name() + "@" + event.revision());
        }
      }
    }
    assertThat(read).containsExactlyElementsOf(written);
  }

  private static long createConfigMap(RestClient api, String name) {
    RestClient.Reply reply = api.post("/api/v1/namespaces/" + NAMESPACE + "/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}");
    assertThat(reply.code()).as(reply.body().toString()).isEqualTo(201);
    return Long.parseLong(reply.body().at("/metadata/resourceVersion").asString());
  }
}
