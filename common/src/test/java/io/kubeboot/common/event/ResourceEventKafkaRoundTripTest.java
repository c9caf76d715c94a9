package io.kubeboot.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A resource event goes through the real Kafka broker and comes back as the same watch event. */
class ResourceEventKafkaRoundTripTest {

  private static final String BOOTSTRAP =
      System.getenv().getOrDefault("KUBEBOOT_KAFKA_BOOTSTRAP", "127.0.0.1:19092");

  @Test
  void podEventSurvivesTheBrokerWithKeyHeaderAndObject() throws Exception {
    String topic = ResourceTopics.topic("pods", "") + ".test-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    Pod pod = new PodBuilder()
        .withNewMetadata().withNamespace("default").withName("web-1").withResourceVersion("42")
        .addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("kubeboot/busybox:latest").endContainer().endSpec()
        .build();

    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new StringSerializer(), new ByteArraySerializer())) {
      ResourceEvent added = ResourceEvent.of(ResourceEvent.Type.ADDED, pod);
      producer.send(ResourceTopics.record(topic, added.key(), added.resourceVersion(),
          ResourceEventCodec.encode(added))).get();
    }

    List<ConsumerRecord<String, ResourceEvent>> received = new ArrayList<>();
    try (KafkaConsumer<String, ResourceEvent> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
        ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ResourceEventCodec.EventDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }

    assertThat(received).hasSize(1);
    ConsumerRecord<String, ResourceEvent> record = received.get(0);
    assertThat(record.key()).isEqualTo("default/web-1");
    assertThat(ResourceTopics.resourceVersion(record.headers())).isEqualTo(42L);
    ResourceEvent event = record.value();
    assertThat(event.type()).isEqualTo(ResourceEvent.Type.ADDED);
    assertThat(event.resourceVersion()).isEqualTo(42L);
    assertThat(event.objectAs(Pod.class)).isEqualTo(pod);
  }
}
