package io.kubeboot.resources.store;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The current state of one object, as JPA reads it; {@code body} is the whole object as the API
 * returns it. {@link ObjectStore} writes the table with SQL of its own, so the entity is read-only
 * (never dirty-checked at commit).
 */
@Entity
@Immutable
@Table(name = "objects")
class ObjectRow {

  @EmbeddedId
  private ObjectId id;

  @Column(columnDefinition = "jsonb")
  private String body;

  protected ObjectRow() {
  }

  String body() {
    return body;
  }
}
