package io.kubeboot.resources.watch;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.resources.store.CommitSignal;
import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import io.kubeboot.resources.support.BackgroundLoop;
import org.springframework.stereotype.Component;

/**
 * Follows the event log and keeps its most recent events in memory for every watcher to read
 * (upstream's watch cache plays this part). One thread tails the log: it is woken by local
 * commits and polls for other replicas' commits. Watchers pull "events after my revision";
 * a watcher that has fallen behind the memory window reads the log from the database instead.
 * Since revisions commit in order, neither path can skip or reorder an event.
 *
 * <p>A waiting watcher is woken only by an event it wants (as upstream's cacher dispatches to the
 * watchers a change concerns), or when its wait times out: woken by every change, a hundred
 * idle watchers would cost a hundred thread switches per write.
 */
@Component
class WatchHub extends BackgroundLoop {

  private static final int BATCH = 1000;
  private static final long POLL_MILLIS = 100;

  private final EventLog eventLog;
  private final CommitSignal commits;
  private final int capacity;
  private final ConcurrentSkipListMap<Long, HubEvent> recent = new ConcurrentSkipListMap<>();
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
  private volatile long head = -1;
  private long seenCommits;

  WatchHub(EventLog eventLog, CommitSignal commits, WatchProperties properties) {
    super("watch-hub");
    this.eventLog = eventLog;
    this.commits = commits;
    this.capacity = properties.cacheSize();
  }

  /**
   * Events after {@code revision}, oldest first, at most {@code limit}; waits up to
   * {@code waitMillis} while there is none that {@code wanted} accepts, then returns what there
   * is (so the caller's revision moves on). Throws 410 Expired when the history after
   * {@code revision} has been compacted away.
   */
  List<HubEvent> after(long revision, int limit, long waitMillis, Predicate<HubEvent> wanted)
      throws InterruptedException {
    awaitWanted(revision, waitMillis, wanted);
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
    return eventLog.after(revision, limit).stream().map(HubEvent::new).toList();
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

  private void awaitWanted(long revision, long waitMillis, Predicate<HubEvent> wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    Waiter waiter = new Waiter(wanted);
    waiters.add(waiter);
    try {
      // the hub adds events before it wakes a waiter, and wakes it holding its monitor: an event
      // that arrives between this check and the wait cannot be missed
      synchronized (waiter) {
        while (!holdsWanted(revision, wanted)) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            return;
          }
          waiter.wait(left);
        }
      }
    } finally {
      waiters.remove(waiter);
    }
  }

  /** Whether an event after {@code revision} is wanted, or may be: past the memory window, it takes a read. */
  private boolean holdsWanted(long revision, Predicate<HubEvent> wanted) {
    if (head <= revision) {
      return false;
    }
    Map.Entry<Long, HubEvent> oldest = recent.firstEntry();
    if (oldest == null || revision < oldest.getKey() - 1) {
      return true;
    }
    return recent.tailMap(revision, false).values().stream().anyMatch(wanted);
  }

  /** A watcher waiting for an event it wants; identity, not the predicate, tells waiters apart. */
  private static final class Waiter {

    private final Predicate<HubEvent> wanted;

    private Waiter(Predicate<HubEvent> wanted) {
      this.wanted = wanted;
    }
  }

  @Override
  protected void step() throws InterruptedException {
    List<StoredEvent> batch = eventLog.after(head, BATCH);
    if (batch.isEmpty()) {
      seenCommits = commits.await(seenCommits, POLL_MILLIS);
      return;
    }
    List<HubEvent> arrived = batch.stream().map(HubEvent::new).toList();
    for (HubEvent event : arrived) {
      recent.put(event.revision(), event);
    }
    while (recent.size() > capacity) {
      recent.pollFirstEntry();
    }
    head = arrived.get(arrived.size() - 1).revision();
    for (Waiter waiter : waiters) {
      if (arrived.stream().anyMatch(waiter.wanted)) {
        synchronized (waiter) {
          waiter.notifyAll();
        }
      }
    }
  }


  /** Starts at the present: older history is served from the database on demand. */
  @Override
  protected void beforeStart() {
    head = eventLog.currentRevision();
    seenCommits = commits.count();
  }
}
