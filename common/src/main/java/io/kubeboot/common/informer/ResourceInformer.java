package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.event.ResourceTopics;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An indexed, in-memory copy of one resource, kept current from its Kafka topic: client-go's shared
 * informer with Kafka in place of the watch. It lists through the API, then reads the topic from a
 * little before the list was taken, applying only events newer than what it holds, so duplicates and
 * replays are harmless; a periodic re-list repairs anything lost. Handlers run on the informer's own
 * thread, in order.
 *
 * <p>Register indexes and handlers, then {@link #start}; workers wait for {@link #awaitSynced} before
 * trusting the cache. Objects read from the cache are shared: copy before changing them.
 */
public final class ResourceInformer<T extends HasMetadata> {

  private static final Logger log = LoggerFactory.getLogger(ResourceInformer.class);

  /**
   * How far before the list's start the topic is read: events committed before the list was served
   * are in it, so this only has to cover clock skew between the outbox relay, which stamps the
   * records, and this process.
   */
  static final Duration REPLAY_MARGIN = Duration.ofMinutes(1);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

  private final Class<T> type;
  private final String topic;
  private final Lister<T> lister;
  private final Map<String, Object> kafkaConfig;
  private final Duration resyncPeriod;
  private final Store<T> store = new Store<>();
  private final List<ResourceEventHandler<? super T>> handlers = new CopyOnWriteArrayList<>();
  private final CacheUpdater<T> updater;
  private final Counter applied;
  private final Counter skipped;
  private final CountDownLatch synced = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private TopicFollower<T> follower;
  private Thread thread;

  /**
   * @param topic the resource's topic, see {@link ResourceTopics#topic}
   * @param kafkaConfig consumer settings, at least {@code bootstrap.servers}; deserializers are set here
   * @param resyncPeriod how often to re-list; zero for never
   */
  public ResourceInformer(Class<T> type, String topic, Lister<T> lister, Map<String, Object> kafkaConfig,
      Duration resyncPeriod, MeterRegistry registry) {
    this.type = type;
    this.topic = topic;
    this.lister = lister;
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.resyncPeriod = resyncPeriod;
    this.updater = new CacheUpdater<>(type, store, handlers);
    String resource = topic.startsWith(ResourceTopics.PREFIX) ? topic.substring(ResourceTopics.PREFIX.length()) : topic;
    this.applied = eventCounter(registry, resource, "applied");
    this.skipped = eventCounter(registry, resource, "skipped");
  }

  /** An informer of a registered resource that lists through the API client. */
  public static <T extends HasMetadata> ResourceInformer<T> of(Class<T> type, KubernetesClient client,
      Map<String, Object> kafkaConfig, Duration resyncPeriod, MeterRegistry registry) {
    ResourceType resource = ResourceRegistry.standard().all().stream()
        .filter(candidate -> candidate.type() == type).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a registered resource"));
    return new ResourceInformer<>(type, resource.topic(), Lister.fromApi(client, type), kafkaConfig,
        resyncPeriod, registry);
  }

  /** Adds an index that {@link #byIndex} can query; only before {@link #start}. */
  public synchronized ResourceInformer<T> addIndex(String name, IndexFunction<? super T> function) {
    requireNotStarted();
    store.addIndex(name, function);
    return this;
  }

  /** Adds a handler of cache changes; only before {@link #start}, so that it sees every change. */
  public synchronized ResourceInformer<T> addEventHandler(ResourceEventHandler<? super T> handler) {
    requireNotStarted();
    handlers.add(handler);
    return this;
  }

  /** Starts listing and following the topic on the informer's own thread, and returns at once. */
  public synchronized void start() {
    requireNotStarted();
    follower = new TopicFollower<>(topic, type, kafkaConfig);
    thread = new Thread(this::run, "informer-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** True once the first list is in the cache. */
  public boolean hasSynced() {
    return synced.getCount() == 0;
  }

  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return synced.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public Optional<T> get(ObjectKey key) {
    return store.get(key);
  }

  public List<T> list() {
    return store.list();
  }

  /** The objects an index files under {@code value}, e.g. {@code byIndex(Indexes.NODE_NAME, "node-1")}. */
  public List<T> byIndex(String indexName, String value) {
    return store.byIndex(indexName, value);
  }

  /** Stops the thread and closes the consumer; the cache keeps its last state. */
  public synchronized void stop() throws InterruptedException {
    if (thread == null) {
      return;
    }
    stopping.countDown();
    follower.wakeup();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void run() {
    try (TopicFollower<T> topicFollower = follower) {
      Instant listStarted = listUntilSynced();
      while (!stopped() && !topicFollower.seekTo(listStarted.minus(REPLAY_MARGIN))) {
        log.warn("topic {} does not exist yet; waiting for it", topic);
        pause(Duration.ofSeconds(1));
      }
      long nextResync = System.nanoTime() + resyncPeriod.toNanos();
      while (!stopped()) {
        for (TypedEvent<T> event : topicFollower.poll(POLL_TIMEOUT)) {
          (updater.apply(event) ? applied : skipped).increment();
        }
        if (!resyncPeriod.isZero() && System.nanoTime() - nextResync >= 0) {
          // a failed re-list is tried again soon, but events keep flowing meanwhile
          Duration next = tryList() != null ? resyncPeriod : min(resyncPeriod, MAX_RETRY_DELAY);
          nextResync = System.nanoTime() + next.toNanos();
        }
      }
    } catch (WakeupException e) {
      // stop() woke the consumer up
    } catch (RuntimeException e) {
      log.error("informer of {} failed; its cache no longer follows the topic", topic, e);
    }
  }

  /** Lists until a list succeeds (or the informer stops); returns when that list was started. */
  private Instant listUntilSynced() {
    Duration delay = Duration.ofSeconds(1);
    Instant started;
    while ((started = tryList()) == null && !stopped()) {
      pause(delay);
      delay = min(delay.multipliedBy(2), MAX_RETRY_DELAY);
    }
    if (started == null) {
      return Instant.now(); // stopped before any list succeeded: the loops that follow exit at once
    }
    synced.countDown();
    return started;
  }

  /** Lists once into the cache; returns when the list was started, or null if it failed. */
  private Instant tryList() {
    Instant started = Instant.now();
    try {
      updater.replace(lister.list());
      return started;
    } catch (RuntimeException e) {
      log.warn("listing {} failed", type.getSimpleName(), e);
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private boolean stopped() {
    return stopping.getCount() == 0;
  }

  private void pause(Duration delay) {
    try {
      stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.countDown();
    }
  }

  private void requireNotStarted() {
    if (thread != null) {
      throw new IllegalStateException("informer of " + topic + " is already started");
    }
  }

  private static Counter eventCounter(MeterRegistry registry, String resource, String result) {
    return Counter.builder("informer.events").description("Kafka events the informer applied to its cache "
        + "or skipped as duplicates or replays").tags("resource", resource, "result", result).register(registry);
  }
}
