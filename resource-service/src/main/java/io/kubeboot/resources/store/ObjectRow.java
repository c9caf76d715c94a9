package io.kubeboot.resources.store;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The current state of one object, as JPA reads it; {@code body} is the whole object as the API
 * returns it. {@link ObjectStore} writes it with SQL of its own.
 */
@Entity
@Table(name = "objects")
class ObjectRow {

  @EmbeddedId
  private ObjectId id;

  private UUID uid;

  @Column(name = "resource_version")
  private long resourceVersion;

  private long generation;

  @Column(columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  private String body;

  protected ObjectRow() {
  }

  ObjectId id() {
    return id;
  }

  UUID uid() {
    return uid;
  }

  long resourceVersion() {
    return resourceVersion;
  }

  String body() {
    return body;
  }
}
