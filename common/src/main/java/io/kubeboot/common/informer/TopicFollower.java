package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one resource topic with its own consumer. It joins no consumer group and
 * commits nothing: a cache needs all of the resource's events, and where to start is decided by
 * time at each start, not by a committed offset.
 */
final class TopicFollower<T extends HasMetadata> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

  private final String topic;
  private final KafkaConsumer<String, TypedEvent<T>> consumer;

  TopicFollower(String topic, Class<T> kind, Map<String, Object> kafkaConfig) {
    this.topic = topic;
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // topics are created by resource-service with their partitioning; a reader must not create one
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // a position that retention removed: read what is left; the periodic re-list repairs the gap
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), TypedEvent.deserializer(kind));
  }

  /**
   * Assigns every partition and positions each at its first record stamped at or after {@code from}.
   * A partition where the broker finds none is read from its beginning: its events then cost only a
   * skip each, while starting at its end would lose, until the next re-list, a record the lookup did
   * not report (seen once in tests with a record acknowledged just before). False while the topic
   * does not exist.
   */
  boolean seekTo(Instant from) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(PartitionInfo::partition).map(partition -> new TopicPartition(topic, partition)).toList();
    if (partitions.isEmpty()) {
      return false;
    }
    consumer.assign(partitions);
    Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(
        partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> from.toEpochMilli())));
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp found = byTime.get(partition);
      consumer.seek(partition, found != null ? found.offset() : beginnings.get(partition));
    }
    return true;
  }

  /** The next events, in order within each partition (that is, within each object). */
  List<TypedEvent<T>> poll(Duration timeout) {
    try {
      List<TypedEvent<T>> events = new ArrayList<>();
      for (ConsumerRecord<String, TypedEvent<T>> record : consumer.poll(timeout)) {
        if (record.value() != null) {
          events.add(record.value());
        }
      }
      return events;
    } catch (RecordDeserializationException e) {
      // one undecodable record must not stall the resource; skip it, a re-list covers what it said
      log.error("skipping undecodable record at {} offset {}", e.topicPartition(), e.offset(), e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
      return List.of();
    }
  }

  /** Makes a {@link #poll} under way, or the next one, throw {@code WakeupException}; any thread may call it. */
  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
