package io.kubeboot.resources.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One committed change, written in the same transaction as the object: the watch history and
 * the transactional outbox at once. {@code revision} is the change's resourceVersion.
 */
@Entity
@Table(name = "object_events")
class EventRow {

  @Id
  private long revision;

  @Column(name = "api_group")
  private String group;

  private String resource;

  private String namespace;

  private String name;

  @Column(name = "event_type")
  private String type;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String body;

  /** The object's state before a MODIFIED change; null for the other types. */
  @Column(name = "prev_body", columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String previousBody;

  protected EventRow() {
  }

  EventRow(long revision, ObjectId id, String type, String body) {
    this(revision, id, type, body, null);
  }

  EventRow(long revision, ObjectId id, String type, String body, String previousBody) {
    this.revision = revision;
    this.group = id.group();
    this.resource = id.resource();
    this.namespace = id.namespace();
    this.name = id.name();
    this.type = type;
    this.body = body;
    this.previousBody = previousBody;
  }
}
