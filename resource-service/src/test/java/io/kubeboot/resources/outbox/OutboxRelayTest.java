package io.kubeboot.resources.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.event.ResourceEventCodec;
import io.kubeboot.common.event.ResourceTopics;
import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.support.ResourceServiceTest;
import io.kubeboot.resources.support.RestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every committed change reaches Kafka through the outbox, keyed by namespace/name with its
 * resourceVersion, and changes committed while the relay is down (as after a crash between
 * commit and publish) are published when it comes back, in order, none lost.
 */
@ResourceServiceTest
class OutboxRelayTest {

  @LocalServerPort
  int port;

  @Autowired
  OutboxRelay relay;

  @Autowired
  EventLog eventLog;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @Test
  void changesCommittedWhileTheRelayIsDownArePublishedInOrderWhenItReturns() {
    RestClient api = new RestClient(port);
    api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"outbox\"}}");
    String name = "relay-" + UUID.randomUUID().toString().substring(0, 8);
    String path = "/api/v1/namespaces/outbox/configmaps";

    relay.stop();
    List<Long> versions = new ArrayList<>();
    versions.add(version(api.post(path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name + "\"},\"data\":{\"n\":\"0\"}}")));
    for (int i = 1; i <= 5; i++) {
      versions.add(version(api.patch(path + "/" + name, "application/merge-patch+json", "{\"data\":{\"n\":\"" + i
          + "\"}}")));
    }
    versions.add(version(api.delete(path + "/" + name, null)));
    assertThat(eventLog.publishedRevision()).isLessThan(versions.get(0));

    relay.start();

    List<ConsumerRecord<String, ResourceEvent>> records = consume(ResourceTopics.topic("configmaps", ""),
        "outbox/" + name, versions.size());
    assertThat(records).extracting(r -> ResourceTopics.resourceVersion(r.headers())).containsExactlyElementsOf(versions);
    assertThat(records).extracting(r -> r.value().type()).containsExactly(ResourceEvent.Type.ADDED,
        ResourceEvent.Type.MODIFIED, ResourceEvent.Type.MODIFIED, ResourceEvent.Type.MODIFIED,
        ResourceEvent.Type.MODIFIED, ResourceEvent.Type.MODIFIED, ResourceEvent.Type.DELETED);
    assertThat(records.get(5).value().object().at("/data/n").asString()).isEqualTo("5");
    await().atMost(Duration.ofSeconds(10))
        .until(() -> eventLog.publishedRevision() >= versions.get(versions.size() - 1));
  }

  private List<ConsumerRecord<String, ResourceEvent>> consume(String topic, String key, int expected) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, ResourceEvent>> found = new ArrayList<>();
    try (KafkaConsumer<String, ResourceEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ResourceEventCodec.EventDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      while (found.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (key.equals(r.key())) {
            found.add(r);
          }
        });
      }
    }
    return found;
  }

  private static long version(RestClient.Reply reply) {
    return Long.parseLong(reply.body().at("/metadata/resourceVersion").asString());
  }
}
