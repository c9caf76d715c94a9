package io.kubeboot.resources.store;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event log in revision order: the watch history and the outbox. Because commits
 * happen in revision order (see {@link ObjectStore}), "everything after revision N" never
 * changes once read, so readers keep nothing but their last revision.
 */
@Component
public class EventLog {

  private static final String COLUMNS =
      "select revision, api_group, resource, namespace, name, event_type, body::text, prev_body::text "
          + "from object_events ";

  private final EntityManager entityManager;

  EventLog(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Events of every resource after {@code revision}, oldest first. */
  @Transactional(readOnly = true)
  public List<StoredEvent> after(long revision, int limit) {
    return read(entityManager.createNativeQuery(COLUMNS + "where revision > :revision order by revision limit :limit")
        .setParameter("revision", revision).setParameter("limit", limit).getResultList());
  }

  /** Events the outbox has not published yet, oldest first. */
  @Transactional(readOnly = true)
  public List<StoredEvent> unpublished(int limit) {
    return read(entityManager.createNativeQuery(COLUMNS
            + "where revision > (select published_revision from outbox_position where id = 1) "
            + "order by revision limit :limit")
        .setParameter("limit", limit).getResultList());
  }

  /** Every event up to {@code revision} has reached Kafka: the outbox's position moves on, never back. */
  @Transactional
  public void markPublished(long revision) {
    entityManager.createNativeQuery("update outbox_position set published_revision = :revision "
            + "where id = 1 and published_revision < :revision")
        .setParameter("revision", revision).executeUpdate();
  }

  /** The revision up to which every event has reached Kafka. */
  @Transactional(readOnly = true)
  public long publishedRevision() {
    return ((Number) entityManager.createNativeQuery("select published_revision from outbox_position where id = 1")
        .getSingleResult()).longValue();
  }

  /** The newest committed resourceVersion. */
  @Transactional(readOnly = true)
  public long currentRevision() {
    return ((Number) entityManager.createNativeQuery("select revision from revision_counter where id = 1")
        .getSingleResult()).longValue();
  }

  /** History below this revision is gone: a watch from before it gets 410 Gone. */
  @Transactional(readOnly = true)
  public long compactedRevision() {
    return ((Number) entityManager.createNativeQuery("select compacted_revision from compaction where id = 1")
        .getSingleResult()).longValue();
  }

  /**
   * Drops published events older than the newest {@code keep} revisions and records the new
   * compaction point. Unpublished events are never dropped: the outbox still needs them.
   */
  @Transactional
  public int compact(long keep) {
    long upTo = Math.min(currentRevision() - keep, publishedRevision());
    if (upTo <= compactedRevision()) {
      return 0;
    }
    int deleted = entityManager.createNativeQuery("delete from object_events where revision <= :upTo")
        .setParameter("upTo", upTo).executeUpdate();
    entityManager.createNativeQuery("update compaction set compacted_revision = :upTo where id = 1")
        .setParameter("upTo", upTo).executeUpdate();
    return deleted;
  }

  @SuppressWarnings("unchecked")
  private static List<StoredEvent> read(List<?> rows) {
    return ((List<Object[]>) rows).stream()
        .map(r -> new StoredEvent(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
            (String) r[4], (String) r[5], (String) r[6], (String) r[7]))
        .toList();
  }
}
