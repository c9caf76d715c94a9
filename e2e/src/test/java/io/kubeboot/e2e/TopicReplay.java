package io.kubeboot.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Duplicates a cluster's resource events the way an at-least-once pipeline may: every record a
 * topic holds is produced again, byte for byte, with its key and headers, after the newer ones.
 */
final class TopicReplay {

  private TopicReplay() {
  }

  /** Produces a copy of every record now on {@code topics}; returns how many. */
  static int copyAll(List<String> topics) {
    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ControlPlane.KAFKA_BOOTSTRAP);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Properties producerConfig = new Properties();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ControlPlane.KAFKA_BOOTSTRAP);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
            new ByteArraySerializer())) {
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (String topic : topics) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
          consumer.poll(Duration.ofMillis(500)).forEach(record -> {
            if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
              records.add(record);
            }
          });
        }
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
            record.headers()));
      }
      producer.flush();
      return records.size();
    }
  }
}
