package io.kubeboot.common.informer;

import static io.kubeboot.common.event.ResourceEvent.Type.ADDED;
import static io.kubeboot.common.event.ResourceEvent.Type.DELETED;
import static io.kubeboot.common.event.ResourceEvent.Type.MODIFIED;
import static io.kubeboot.common.informer.Pods.event;
import static io.kubeboot.common.informer.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.event.ResourceEventCodec;
import io.kubeboot.common.event.ResourceTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The informer against the real Kafka broker. The lister is an in-memory stand-in for the API
 * (which these tests do not run); the topic is the test's own.
 */
class ResourceInformerKafkaTest {

  private static final String BOOTSTRAP =
      System.getenv().getOrDefault("KUBEBOOT_KAFKA_BOOTSTRAP", "127.0.0.1:19092");

  private final String topic = ResourceTopics.topic("pods", "") + ".informer-test-" + UUID.randomUUID();
  private final AtomicReference<Lister.Snapshot<Pod>> api = new AtomicReference<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Pods.Recorder handler = new Pods.Recorder();
  private KafkaProducer<String, byte[]> producer;
  private ResourceInformer<Pod> informer;

  @BeforeEach
  void createTopic() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new StringSerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (informer != null) {
      informer.stop();
    }
    producer.close();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
  }

  @Test
  void listFillsTheCacheAndTheTopicKeepsItCurrent() throws Exception {
    publish(event(ADDED, "a", 3, null)); // already reflected in the list below: a replay to skip
    api.set(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, "node-2")), 10));
    informer = informer(Duration.ZERO).addIndex(Indexes.NODE_NAME, Indexes.nodeName());

    informer.start();
    assertThat(informer.awaitSynced(Duration.ofSeconds(10))).isTrue();
    assertThat(informer.list()).hasSize(2);

    publish(event(MODIFIED, "a", 11, "node-1"));
    publish(event(MODIFIED, "a", 11, "node-1")); // published twice by the outbox relay
    publish(event(MODIFIED, "a", 9, null));       // older than the cache
    publish(event(ADDED, "c", 12, "node-1"));
    publish(event(DELETED, "b", 13, "node-2"));

    await().atMost(Duration.ofSeconds(30)).until(() -> count("applied") + count("skipped") == 6);
    assertThat(count("applied")).isEqualTo(3);
    assertThat(count("skipped")).isEqualTo(3);
    assertThat(informer.get(new ObjectKey("default", "a")).orElseThrow().getMetadata().getResourceVersion())
        .isEqualTo("11");
    assertThat(informer.get(new ObjectKey("default", "b"))).isEmpty();
    assertThat(informer.byIndex(Indexes.NODE_NAME, "node-1"))
        .extracting(pod -> pod.getMetadata().getName()).containsExactlyInAnyOrder("a", "c");
    assertThat(informer.byIndex(Indexes.NODE_NAME, "node-2")).isEmpty();
    assertThat(handler.calls()).containsExactlyInAnyOrder(
        "add a@3", "add b@5", "update a@3->11", "add c@12", "delete b@5");
    assertThat(handler.threads).as("handlers run on the informer's one thread").containsOnly("informer-" + topic);
  }

  @Test
  void resyncRepairsADeleteThatNeverArrived() throws Exception {
    api.set(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, null)), 10));
    informer = informer(Duration.ofMillis(300));
    informer.start();
    assertThat(informer.awaitSynced(Duration.ofSeconds(10))).isTrue();

    // b was deleted at 15 and a changed at 14, but neither event reached the topic
    api.set(new Lister.Snapshot<>(List.of(pod("a", 14, "node-1")), 20));

    await().atMost(Duration.ofSeconds(10)).until(() -> informer.get(new ObjectKey("default", "b")).isEmpty());
    assertThat(informer.get(new ObjectKey("default", "a")).orElseThrow().getSpec().getNodeName()).isEqualTo("node-1");
    assertThat(handler.calls()).startsWith("add a@3", "add b@5").contains("update a@3->14", "delete b@5");

    publish(event(MODIFIED, "a", 14, "node-1")); // the lost event shows up late: nothing new
    publish(event(MODIFIED, "a", 21, "node-3"));
    await().atMost(Duration.ofSeconds(30)).until(() -> count("applied") + count("skipped") == 2);
    assertThat(count("skipped")).isEqualTo(1);
    assertThat(informer.get(new ObjectKey("default", "a")).orElseThrow().getSpec().getNodeName()).isEqualTo("node-3");
  }

  @Test
  void aListThatFailsIsRetriedBeforeTheCacheCountsAsSynced() throws Exception {
    informer = informer(Duration.ZERO);
    informer.start();
    Thread.sleep(300);
    assertThat(informer.hasSynced()).isFalse(); // the API (api == null) is not answering yet

    api.set(new Lister.Snapshot<>(List.of(pod("a", 3, null)), 10));

    assertThat(informer.awaitSynced(Duration.ofSeconds(10))).isTrue();
    assertThat(informer.list()).hasSize(1);
  }

  private ResourceInformer<Pod> informer(Duration resync) {
    Lister<Pod> lister = () -> {
      Lister.Snapshot<Pod> snapshot = api.get();
      if (snapshot == null) {
        throw new IllegalStateException("API unavailable");
      }
      return snapshot;
    };
    return new ResourceInformer<>(Pod.class, topic, lister,
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP), resync, registry)
        .addEventHandler(handler);
  }

  /** As the outbox relay publishes it: a watch event keyed by the object, stamped with its resourceVersion. */
  private void publish(TypedEvent<Pod> event) throws Exception {
    producer.send(ResourceTopics.record(topic, event.key(), event.resourceVersion(),
        ResourceEventCodec.encode(ResourceEvent.of(event.type(), event.object())))).get();
  }

  private double count(String result) {
    return registry.get("informer.events").tag("result", result).counter().count();
  }
}
