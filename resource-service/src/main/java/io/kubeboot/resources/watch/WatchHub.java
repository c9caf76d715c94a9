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
   * What a watcher reads from the hub: events after its revision, oldest first, and the revision
   * it has now seen through. That may lie past the last event: changes nobody asked for are
   * skipped, so a watcher with nothing to send keeps up with the log at no cost.
   */
  record Batch(List<HubEvent> events, long through) {
  }

  /**
   * Events after {@code revision}, at most {@code limit}; waits up to {@code waitMillis} while
   * there is none that {@code wanted} accepts. Events before the first wanted one are skipped, or
   * all of them when the wait ends without one. Throws 410 Expired when the history after
   * {@code revision} has been compacted away.
   */
  Batch after(long revision, int limit, long waitMillis, Predicate<HubEvent> wanted) throws InterruptedException {
    long from = awaitWanted(revision, waitMillis, wanted);
    Map.Entry<Long, HubEvent> oldest = recent.firstEntry();
    if (oldest != null && from >= oldest.getKey() - 1) {
      List<HubEvent> out = new ArrayList<>(Math.min(limit, 64));
      for (HubEvent event : recent.tailMap(from, false).values()) {
        out.add(event);
        if (out.size() == limit) {
          break;
        }
      }
      return batch(out, from);
    }
    long compacted = eventLog.compactedRevision();
    if (from < compacted) {
      throw ApiException.expired("too old resource version: " + from + " (" + compacted + ")");
    }
    return batch(eventLog.after(from, limit).stream().map(this::hubEvent).toList(), from);
  }

  private static Batch batch(List<HubEvent> events, long from) {
    return new Batch(events, events.isEmpty() ? from : events.get(events.size() - 1).revision());
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

  /**
   * Waits until the hub holds an event after {@code revision} that is wanted, or may be, or the
   * wait ends. Returns the revision through which no event is wanted: each check reads only the
   * events that arrived since the last one.
   */
  private long awaitWanted(long revision, long waitMillis, Predicate<HubEvent> wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    Waiter waiter = new Waiter(wanted);
    waiters.add(waiter);
    try {
      // the hub adds events before it wakes a waiter, and wakes it holding its monitor: an event
      // that arrives between this check and the wait cannot be missed
      synchronized (waiter) {
        long unwantedThrough = revision;
        while (true) {
          Scan scan = scan(unwantedThrough, wanted);
          unwantedThrough = scan.unwantedThrough();
          long left = deadline - System.currentTimeMillis();
          if (scan.found() || left <= 0) {
            return unwantedThrough;
          }
          waiter.wait(left);
        }
      }
    } finally {
      waiters.remove(waiter);
    }
  }

  /**
   * A look at the events after a revision: the revision through which none is wanted, and whether
   * the next one is (or, past the memory window, may be).
   */
  private record Scan(long unwantedThrough, boolean found) {
  }

  private Scan scan(long revision, Predicate<HubEvent> wanted) {
    long upTo = head; // every event up to the head is in memory: the hub adds events before it moves the head
    if (upTo <= revision) {
      return new Scan(revision, false);
    }
    HubEvent first = null;
    for (HubEvent event : recent.subMap(revision, false, upTo, true).values()) {
      if (wanted.test(event)) {
        first = event;
        break;
      }
    }
    Map.Entry<Long, HubEvent> oldest = recent.firstEntry();
    if (oldest == null || revision < oldest.getKey() - 1) {
      // the window has moved past the revision, maybe while it was read: the log may hold a wanted event
      return new Scan(revision, true);
    }
    return first == null ? new Scan(upTo, false) : new Scan(first.revision() - 1, true);
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
    List<HubEvent> arrived = batch.stream().map(this::hubEvent).toList();
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


  private HubEvent hubEvent(StoredEvent stored) {
    return new HubEvent(stored, eventLog::previousBody);
  }

  /** Starts at the present: older history is served from the database on demand. */
  @Override
  protected void beforeStart() {
    head = eventLog.currentRevision();
    seenCommits = commits.count();
  }
}
