package io.kubeboot.resources.store;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event log in revision order: the watch history and the outbox. Because commits
 * happen in revision order (see {@link ObjectStore}), "everything after revision N" never
 * changes once read, so readers keep nothing but their last revision.
 *
 * <p>The log itself is read with plain SQL, as {@link ObjectStore} reads objects, and so is the
 * outbox's position moved; the positions kept about the log (how far the outbox has published,
 * where compaction cut) are otherwise read and moved as JPA entities.
 */
@Component
public class EventLog {

  private static final String COLUMNS = columns("prev_body");
  /** The same but the previous state, which the outbox does not publish: no reading it for nothing. */
  private static final String COLUMNS_BUT_PREVIOUS = columns("null");
  private static final RowMapper<StoredEvent> EVENT = (row, i) -> new StoredEvent(row.getLong(1), row.getString(2),
      row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8));

  private final JdbcClient jdbc;
  private final LogPositions positions;
  private final CommittedEvents committed;

  /** The select of every event column, the previous state as {@code previous}. */
  private static String columns(String previous) {
    return "select revision, api_group, resource, namespace, name, event_type, body, " + previous
        + " from object_events ";
  }

  EventLog(DataSource dataSource, LogPositions positions, CommittedEvents committed) {
    this.jdbc = JdbcClient.create(dataSource);
    this.positions = positions;
    this.committed = committed;
  }

  /**
   * Events of every resource after {@code revision}, oldest first: from this replica's memory when
   * it holds the log there ({@link CommittedEvents}), where a MODIFIED event's previous state may
   * then be missing ({@link #previousBody}).
   */
  public List<StoredEvent> after(long revision, int limit) {
    return committed.after(revision, limit).orElseGet(() -> read(COLUMNS, revision, limit));
  }

  /** The events after {@code published}, oldest first, for the outbox: maybe without their previous state. */
  public List<StoredEvent> toPublish(long published, int limit) {
    return committed.after(published, limit).orElseGet(() -> read(COLUMNS_BUT_PREVIOUS, published, limit));
  }

  private List<StoredEvent> read(String columns, long revision, int limit) {
    return jdbc.sql(columns + "where revision > :revision order by revision limit :limit")
        .param("revision", revision).param("limit", limit).query(EVENT).list();
  }

  /** The state before the change of the MODIFIED event at {@code revision}; null if compacted away. */
  public String previousBody(long revision) {
    return jdbc.sql("select prev_body from object_events where revision = :revision").param("revision", revision)
        .query(String.class).optional().orElse(null);
  }

  /**
   * Every event up to {@code revision} has reached Kafka: the outbox's position moves on, never
   * back. One statement, not the entity: the relay calls this often.
   */
  public void markPublished(long revision) {
    jdbc.sql("update outbox_position set published_revision = :revision "
            + "where id = 1 and published_revision < :revision")
        .param("revision", revision).update();
  }

  /** The revision up to which every event has reached Kafka. */
  @Transactional(readOnly = true)
  public long publishedRevision() {
    return positions.revision(LogPosition.Outbox.class);
  }

  /** The newest committed resourceVersion. */
  public long currentRevision() {
    return jdbc.sql("select revision from revision_counter where id = 1").query(Long.class).single();
  }

  /** History below this revision is gone: a watch from before it gets 410 Gone. */
  @Transactional(readOnly = true)
  public long compactedRevision() {
    return positions.revision(LogPosition.Compaction.class);
  }

  /**
   * Drops published events older than the newest {@code keep} revisions and records the new
   * compaction point, in one transaction. Unpublished events are never dropped: the outbox still
   * needs them.
   */
  @Transactional
  public int compact(long keep) {
    LogPosition compaction = positions.forUpdate(LogPosition.Compaction.class);
    long upTo = Math.min(currentRevision() - keep, positions.revision(LogPosition.Outbox.class));
    if (upTo <= compaction.revision()) {
      return 0;
    }
    compaction.advanceTo(upTo);
    return jdbc.sql("delete from object_events where revision <= :upTo").param("upTo", upTo).update();
  }
}
