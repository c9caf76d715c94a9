package io.kubeboot.resources.outbox;

import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.event.ResourceEventCodec;
import io.kubeboot.common.event.ResourceTopics;
import io.kubeboot.resources.support.BackgroundLoop;
import io.kubeboot.resources.store.CommitSignal;
import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.store.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox's relay: publishes committed events to Kafka in revision order and
 * moves its position past them only after the broker has acknowledged them. A crash between the two
 * publishes an event again on restart (consumers skip what they have seen by resourceVersion);
 * nothing is ever lost, and per object order holds because one thread sends in revision order
 * through an idempotent producer keyed by namespace/name.
 */
@Component
class OutboxRelay extends BackgroundLoop {

  private static final int BATCH = 500;
  private static final long RECORD_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final EventLog eventLog;
  private final CommitSignal commits;
  private final KafkaTemplate<String, byte[]> kafka;
  private final RelayLeadership leadership;
  private final Counter published;
  private final DistributionSummary batchSizes;
  private final AtomicLong lag = new AtomicLong();
  private long seenCommits;
  /** The newest revision published (-1: read it from the database), and the newest recorded there. */
  private long position = -1;
  private long recorded;
  private long recordedAt;

  OutboxRelay(EventLog eventLog, CommitSignal commits, KafkaTemplate<String, byte[]> kafka,
      RelayLeadership leadership, MeterRegistry meters) {
    super("outbox-relay");
    this.eventLog = eventLog;
    this.commits = commits;
    this.kafka = kafka;
    this.leadership = leadership;
    this.published = Counter.builder("kubeboot_outbox_published_events_total")
        .description("Events the outbox relay has published to Kafka").register(meters);
    this.batchSizes = DistributionSummary.builder("kubeboot_outbox_batch_size")
        .description("Events the outbox relay sent to Kafka together").register(meters);
    Gauge.builder("kubeboot_outbox_pending_events", lag, AtomicLong::get)
        .description("Events of the last batch still waiting to be published").register(meters);
  }

  @Override
  protected void step() throws InterruptedException {
    if (!leadership.acquire()) {
      position = -1;
      Thread.sleep(2000);
      return;
    }
    if (position < 0) {
      position = eventLog.publishedRevision();
      recorded = position;
    }
    List<StoredEvent> batch = eventLog.toPublish(position, BATCH);
    lag.set(batch.size());
    if (batch.isEmpty()) {
      record();
      seenCommits = commits.await(seenCommits, 200);
      return;
    }
    publish(batch);
    position = batch.get(batch.size() - 1).revision();
    published.increment(batch.size());
    batchSizes.record(batch.size());
    if (System.nanoTime() - recordedAt >= RECORD_INTERVAL_NANOS) {
      record();
    }
  }

  /**
   * Records how far the relay has published, which is where a relay starts after a crash or a
   * change of leader: events after it are published again, at least once as ever. Recorded when
   * the relay catches up and at most every {@link #RECORD_INTERVAL_NANOS} while it is busy, not
   * after every batch: under load that was one more statement per batch for PostgreSQL.
   */
  private void record() {
    if (position > recorded) {
      eventLog.markPublished(position);
      recorded = position;
      recordedAt = System.nanoTime();
    }
  }

  private void publish(List<StoredEvent> batch) {
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
    for (StoredEvent stored : batch) {
      String topic = ResourceTopics.topic(stored.resource(), stored.group());
      // the stored JSON goes into the envelope as it is: no parse and render per event
      byte[] event = ResourceEventCodec.encode(ResourceEvent.Type.valueOf(stored.type()), stored.body());
      ObjectKey key = new ObjectKey(stored.namespace().isEmpty() ? null : stored.namespace(), stored.name());
      sends.add(kafka.send(ResourceTopics.record(topic, key, stored.revision(), event)));
    }
    kafka.flush();
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  protected void beforeStart() {
    position = -1;
  }

  @Override
  protected void afterStop() {
    leadership.release();
  }
}
