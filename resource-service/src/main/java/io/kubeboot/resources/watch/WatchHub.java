package io.kubeboot.resources.watch;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.resources.store.CommitSignal;
import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.store.ObjectStore;
import io.kubeboot.resources.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import io.kubeboot.resources.support.BackgroundLoop;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows the event log and keeps its most recent events in memory for every watcher to read
 * (upstream's watch cache plays this part). One thread tails the log: it is woken by local
 * commits and polls for other replicas' commits. Watchers pull "events after my revision";
 * a watcher that has fallen behind the memory window reads the log from the database instead.
 * Since revisions commit in order and without gaps, neither path can skip or reorder an event.
 */
@Component
class WatchHub extends BackgroundLoop {

  private static final int BATCH = 1000;
  private static final long POLL_MILLIS = 100;

  private final EventLog eventLog;
  private final ObjectStore store;
  private final CommitSignal commits;
  private final int capacity;
  private final ConcurrentSkipListMap<Long, HubEvent> recent = new ConcurrentSkipListMap<>();
  private final Object arrivals = new Object();
  private volatile long head = -1;
  private long seenCommits;

  WatchHub(EventLog eventLog, ObjectStore store, CommitSignal commits, WatchProperties properties) {
    super("watch-hub");
    this.eventLog = eventLog;
    this.store = store;
    this.commits = commits;
    this.capacity = properties.cacheSize();
  }

  /**
   * Events after {@code revision}, oldest first, at most {@code limit}; waits up to
   * {@code waitMillis} when there are none yet. Throws 410 Expired when the history after
   * {@code revision} has been compacted away.
   */
  List<HubEvent> after(long revision, int limit, long waitMillis) throws InterruptedException {
    awaitHeadBeyond(revision, waitMillis);
    Map.Entry<Long, HubEvent> oldest = recent.firstEntry();
    if (oldest != null && revision >= oldest.getKey() - 1) {
      List<HubEvent> out = new ArrayList<>(Math.min(limit, 64));
      for (HubEvent event : recent.tailMap(revision, false).values()) {
        out.add(event);
        if (out.size() == limit) {
          break;
        }
      }
      return out;
    }
    long compacted = eventLog.compactedRevision();
    if (revision < compacted) {
      throw ApiException.expired("too old resource version: " + revision + " (" + compacted + ")");
    }
    List<StoredEvent> events = eventLog.after(revision, limit);
    store.awaitDurable();
    return events.stream().map(WatchHub::toHubEvent).toList();
  }

  /**
   * A watch may only start from history that still exists: below the compaction point it gets
   * 410 Expired even if the memory window still holds the events, so clients see one rule.
   */
  void requireAvailable(long revision) {
    long compacted = eventLog.compactedRevision();
    if (revision < compacted) {
      throw ApiException.expired("too old resource version: " + revision + " (" + compacted + ")");
    }
  }

  /** The newest revision the hub has seen. */
  long head() {
    return head;
  }

  private void awaitHeadBeyond(long revision, long waitMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    synchronized (arrivals) {
      while (head <= revision) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        arrivals.wait(left);
      }
    }
  }

  @Override
  protected void step() throws InterruptedException {
    List<StoredEvent> batch = eventLog.after(head, BATCH);
    if (batch.isEmpty()) {
      seenCommits = commits.await(seenCommits, POLL_MILLIS);
      return;
    }
    store.awaitDurable(); // a watcher never sees a write that a crash could still take back
    for (StoredEvent stored : batch) {
      recent.put(stored.revision(), toHubEvent(stored));
    }
    while (recent.size() > capacity) {
      recent.pollFirstEntry();
    }
    synchronized (arrivals) {
      head = batch.get(batch.size() - 1).revision();
      arrivals.notifyAll();
    }
  }

  private static HubEvent toHubEvent(StoredEvent stored) {
    ObjectNode object = stored.object();
    ObjectNode previous = "DELETED".equals(stored.type()) ? object : stored.previousObject();
    return HubEvent.of(stored.revision(), stored.group(), stored.resource(), stored.namespace(), stored.type(),
        object, previous);
  }

  /** Starts at the present: older history is served from the database on demand. */
  @Override
  protected void beforeStart() {
    head = eventLog.currentRevision();
    seenCommits = commits.count();
  }
}
