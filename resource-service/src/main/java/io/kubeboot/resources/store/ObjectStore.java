package io.kubeboot.resources.store;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage layer, like upstream's storage.Interface: objects keyed by resource and
 * namespace/name, one cluster-wide resourceVersion, and one event row per committed change.
 * It knows nothing of kinds; the API layer above decides what to write.
 *
 * <p>Writes must run inside the caller's transaction. Each write takes the next revision from
 * {@code revision_counter} with {@code UPDATE ... RETURNING}, in the same statement that writes
 * the object and its event: the row lock it takes is held to commit, so transactions commit in
 * revision order and the event log never shows a gap that a
 * later commit fills in. That is what lets watchers and the outbox simply read "revision > last".
 */
@Component
public class ObjectStore {

  /** The body parameter with {@code metadata.resourceVersion} set to the revision the CTE {@code next} took. */
  private static final String STAMPED_BODY =
      "jsonb_set(cast(:body as jsonb), '{metadata,resourceVersion}', to_jsonb(revision::text))";
  /**
   * The object's stored state before the statement: every part of one statement sees the same
   * snapshot, so the CTE's own update is not visible here. Kept with MODIFIED events for watches
   * with selectors (an object entering or leaving the selection).
   */
  private static final String PREVIOUS_BODY = "(select o.body from objects o where o.api_group = :group "
      + "and o.resource = :resource and o.namespace = :namespace and o.name = :name)";

  private final EntityManager entityManager;
  private final ObjectRows rows;
  private final CommitSignal commits;

  ObjectStore(EntityManager entityManager, ObjectRows rows, CommitSignal commits) {
    this.entityManager = entityManager;
    this.rows = rows;
    this.commits = commits;
  }

  @Transactional(readOnly = true)
  public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
    return rows.findById(ObjectId.of(type, namespace, name)).map(row -> Json.read(row.body()));
  }

  /** Reads the object and locks it until the surrounding transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<ObjectNode> getForUpdate(ResourceType type, String namespace, String name) {
    ObjectRow row = entityManager.find(ObjectRow.class, ObjectId.of(type, namespace, name),
        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    return Optional.ofNullable(row).map(r -> Json.read(r.body()));
  }

  /**
   * Stores a new object. Sets {@code metadata.resourceVersion}; everything else (uid, timestamps,
   * generation) the caller has set. Fails with AlreadyExists if the name is taken.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ObjectNode insert(ResourceType type, ObjectNode object) {
    ObjectId id = idOf(type, object);
    try {
      long revision = write(id, "ADDED", object, """
          insert into objects (api_group, resource, namespace, name, uid, resource_version, generation, body)
          select :group, :resource, :namespace, :name, :uid, revision, :generation, %s from next
          returning resource_version, body""".formatted(STAMPED_BODY), uidOf(object));
      return stamp(object, revision);
    } catch (PersistenceException e) {
      throw ApiException.alreadyExists(type.groupResource(), id.name());
    }
  }

  /** Replaces the stored state of an existing object (locked by {@link #getForUpdate}). */
  @Transactional(propagation = Propagation.MANDATORY)
  public ObjectNode replace(ResourceType type, ObjectNode object) {
    ObjectId id = idOf(type, object);
    long revision = write(id, "MODIFIED", object, """
        update objects set resource_version = revision, generation = :generation, body = %s from next
        where api_group = :group and resource = :resource and namespace = :namespace and name = :name
        returning resource_version, body""".formatted(STAMPED_BODY), null);
    if (revision < 0) {
      throw ApiException.notFound(type.groupResource(), id.name());
    }
    return stamp(object, revision);
  }

  /**
   * Removes an object. The DELETED event carries its last state stamped with the deletion's own
   * resourceVersion, as upstream's watch does.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public ObjectNode remove(ResourceType type, ObjectNode lastState) {
    ObjectId id = idOf(type, lastState);
    long revision = write(id, "DELETED", lastState, """
        delete from objects using next
        where api_group = :group and resource = :resource and namespace = :namespace and name = :name
        returning revision as resource_version, %s as body""".formatted(STAMPED_BODY), null);
    if (revision < 0) {
      throw ApiException.notFound(type.groupResource(), id.name());
    }
    return stamp(lastState, revision);
  }

  /**
   * One change in one statement: takes the next revision, applies {@code change} to the objects
   * table (a statement over the CTE {@code next}, returning the stored revision and body) and
   * appends the event. The revision counter's row lock, which orders all commits, is so taken by
   * the transaction's last statement and held only for it and the commit, not across round trips
   * and JSON work. Hand-written SQL because JPA has no data-modifying CTE.
   *
   * @return the new revision, or -1 if {@code change} touched no row
   */
  private long write(ObjectId id, String eventType, ObjectNode object, String change, UUID uid) {
    Query statement = entityManager.createNativeQuery("""
        with next as (update revision_counter set revision = revision + 1 where id = 1 returning revision),
        changed as (%s)
        insert into object_events (revision, api_group, resource, namespace, name, event_type, body, prev_body)
        select resource_version, :group, :resource, :namespace, :name, :eventType, body, %s from changed
        returning revision""".formatted(change, eventType.equals("MODIFIED") ? PREVIOUS_BODY : "null"))
        .setParameter("group", id.group()).setParameter("resource", id.resource())
        .setParameter("namespace", id.namespace()).setParameter("name", id.name())
        .setParameter("eventType", eventType).setParameter("body", Json.write(object));
    if (change.contains(":generation")) {
      statement.setParameter("generation", generationOf(object));
    }
    if (uid != null) {
      statement.setParameter("uid", uid);
    }
    List<?> revisions = statement.getResultList();
    if (revisions.isEmpty()) {
      return -1;
    }
    signalAfterCommit();
    return ((Number) revisions.get(0)).longValue();
  }

  /**
   * One page of objects, consistent with the returned resourceVersion: the counter and the rows
   * are read in one REPEATABLE READ snapshot, and every revision at or below the counter has
   * committed (see the class comment).
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ListPage list(ListQuery query) {
    long revision = currentRevision();
    ContinueToken from = query.continueToken() == null ? null : ContinueToken.decode(query.continueToken());
    int limit = query.limit() <= 0 ? Integer.MAX_VALUE : query.limit();
    List<ObjectNode> items = new ArrayList<>();
    String lastNamespace = from == null ? null : from.namespace();
    String lastName = from == null ? null : from.name();
    boolean more = false;
    scan:
    while (true) {
      int batch = (int) Math.min(Math.max((long) (limit - items.size()) * 2, 100), 5000);
      List<Object[]> found = selectPage(query, lastNamespace, lastName, batch);
      for (int i = 0; i < found.size(); i++) {
        lastNamespace = (String) found.get(i)[0];
        lastName = (String) found.get(i)[1];
        ObjectNode object = Json.read((String) found.get(i)[2]);
        if (query.filter().test(object)) {
          items.add(object);
          if (items.size() == limit) {
            // a full batch may have more rows behind it; an empty last page is the worst case
            more = i < found.size() - 1 || found.size() == batch;
            break scan;
          }
        }
      }
      if (found.size() < batch) {
        break;
      }
    }
    long listRevision = from == null ? revision : from.resourceVersion();
    String next = more ? new ContinueToken(listRevision, lastNamespace, lastName).encode() : null;
    return new ListPage(items, listRevision, next);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> selectPage(ListQuery query, String afterNamespace, String afterName, int batch) {
    StringBuilder sql = new StringBuilder(
        "select namespace, name, body::text from objects where api_group = :group and resource = :resource");
    if (query.namespace() != null && query.type().namespaced()) {
      sql.append(" and namespace = :namespace");
    }
    if (!query.labelsEqual().isEmpty()) {
      sql.append(" and body -> 'metadata' -> 'labels' @> cast(:labels as jsonb)");
    }
    if (afterName != null) {
      sql.append(" and (namespace, name) > (:afterNamespace, :afterName)");
    }
    sql.append(" order by namespace, name limit :batch");
    Query select = entityManager.createNativeQuery(sql.toString())
        .setParameter("group", query.type().group())
        .setParameter("resource", query.type().plural())
        .setParameter("batch", batch);
    if (query.namespace() != null && query.type().namespaced()) {
      select.setParameter("namespace", query.namespace());
    }
    if (!query.labelsEqual().isEmpty()) {
      select.setParameter("labels", Json.MAPPER.writeValueAsString(Map.copyOf(query.labelsEqual())));
    }
    if (afterName != null) {
      select.setParameter("afterNamespace", afterNamespace).setParameter("afterName", afterName);
    }
    return select.getResultList();
  }

  /** The newest committed resourceVersion. */
  @Transactional(readOnly = true)
  public long currentRevision() {
    return ((Number) entityManager.createNativeQuery("select revision from revision_counter where id = 1")
        .getSingleResult()).longValue();
  }

  private void signalAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          commits.fire();
        }
      });
    }
  }

  private static ObjectId idOf(ResourceType type, ObjectNode object) {
    ObjectNode metadata = (ObjectNode) object.path("metadata");
    return ObjectId.of(type, metadata.path("namespace").asString(null), metadata.path("name").asString());
  }

  private static ObjectNode stamp(ObjectNode object, long revision) {
    object.withObject("/metadata").put("resourceVersion", Long.toString(revision));
    return object;
  }

  private static UUID uidOf(ObjectNode object) {
    return UUID.fromString(object.path("metadata").path("uid").asString());
  }

  private static long generationOf(ObjectNode object) {
    return object.path("metadata").path("generation").asLong(0);
  }
}
