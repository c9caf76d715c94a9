package io.kubeboot.resources.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The events of this replica's latest batches, kept in memory for the readers of the log that
 * follow it closely (the watch hub, the outbox relay), so that they need not read back from
 * PostgreSQL the rows this replica has just written: about a sixth of PostgreSQL's time under pod
 * churn went to those two reads (pg_stat_statements, bench scheduler).
 *
 * <p>A batch owns every revision from its first to its last one used: it held the counter's lock
 * from taking them to its commit (see {@link GroupCommit}). Batches with no revision between them
 * therefore hold the whole log over their span. Where a revision lies outside such a run (another
 * replica's batch came between, or it is older than the memory reaches) the readers read the table.
 * An event here is the row its write inserted, but for the previous state of a MODIFIED event that
 * the statement itself read: that one is null here (see {@link EventLog#previousBody}).
 */
@Component
public class CommittedEvents {

  /** Some seconds' worth of a busy cluster's events: the readers follow within one of their batches. */
  private static final int MAX_EVENTS = 4096;

  /** One committed batch: it used revisions {@code first} to {@code last}, and logged {@code events}. */
  private record Batch(long first, long last, List<StoredEvent> events) {
  }

  /** The batches by their first revision. */
  private final NavigableMap<Long, Batch> batches = new TreeMap<>();
  private final int maxEvents;
  private int events;

  CommittedEvents() {
    this(MAX_EVENTS);
  }

  CommittedEvents(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** A batch has committed, having used revisions {@code first} to {@code last} (none if last < first). */
  synchronized void committed(long first, long last, List<StoredEvent> logged) {
    if (last < first) {
      return;
    }
    batches.put(first, new Batch(first, last, logged));
    events += logged.size();
    while (events > maxEvents && batches.size() > 1) {
      events -= batches.pollFirstEntry().getValue().events().size();
    }
  }

  /**
   * The events after {@code revision}, oldest first and at most {@code limit}, if this replica's
   * batches hold every revision from just after it, up to the first revision they do not hold.
   * Empty when they do not hold the next revision, or hold no event after it.
   */
  synchronized Optional<List<StoredEvent>> after(long revision, int limit) {
    Map.Entry<Long, Batch> start = batches.floorEntry(revision + 1);
    if (start == null || start.getValue().last() < revision + 1) {
      return Optional.empty();
    }
    List<StoredEvent> found = new ArrayList<>();
    long expectedFirst = start.getKey();
    for (Batch batch : batches.tailMap(start.getKey(), true).values()) {
      if (batch.first() != expectedFirst) {
        break; // another replica's revisions lie between
      }
      for (StoredEvent event : batch.events()) {
        if (event.revision() > revision) {
          found.add(event);
          if (found.size() == limit) {
            return Optional.of(found);
          }
        }
      }
      expectedFirst = batch.last() + 1;
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }
}
