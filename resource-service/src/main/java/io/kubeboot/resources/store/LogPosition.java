package io.kubeboot.resources.store;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

/** A revision kept about the event log, in a table of one row; it only moves forward. */
@MappedSuperclass
abstract class LogPosition {

  static final short ROW = 1;

  @Id
  private short id;

  private long revision;

  long revision() {
    return revision;
  }

  void advanceTo(long newer) {
    if (newer > revision) {
      revision = newer;
    }
  }

  /** Every event up to this revision has reached Kafka. */
  @Entity
  @Table(name = "outbox_position")
  @AttributeOverride(name = "revision", column = @Column(name = "published_revision"))
  static class Outbox extends LogPosition {
  }

  /** Watch history below this revision has been compacted away. */
  @Entity
  @Table(name = "compaction")
  @AttributeOverride(name = "revision", column = @Column(name = "compacted_revision"))
  static class Compaction extends LogPosition {
  }
}
