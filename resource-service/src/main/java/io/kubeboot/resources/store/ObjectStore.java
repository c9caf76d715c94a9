package io.kubeboot.resources.store;

import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The storage layer, like upstream's storage.Interface: objects keyed by resource and
 * namespace/name, one cluster-wide resourceVersion, and one event row per committed change.
 * It knows nothing of kinds; the API layer above decides what to write.
 *
 * <p>Writes go through {@link GroupCommit} and are optimistic, as etcd's compare-and-swap: a
 * replace or remove names the resourceVersion it was computed from and changes nothing if the
 * object has moved on ({@link ObjectChangedException}; the caller reads again and retries). Each
 * write gets its revision from its batch, which holds the lock on {@code revision_counter} until
 * it commits (see {@link GroupCommit}): transactions commit in revision order and the event log
 * never shows a gap that a later commit fills in. That is what lets watchers and the outbox simply
 * read "revision > last". A write that changes nothing leaves its revision unused: revisions are
 * ordered but may skip, which is all clients may assume of a resourceVersion.
 *
 * <p>Reads are plain SQL too, outside any transaction but a list's snapshot: a GET through JPA
 * (a transaction, a session and an entity load per request) took half of resource-service's CPU
 * for the request, and a single statement needs none of it.
 */
@Component
public class ObjectStore {

  /** The row of the object the statement's parameters name, as {@code o}. */
  private static final String THE_OBJECT = "from objects o where o.api_group = :group and o.resource = :resource "
      + "and o.namespace = :namespace and o.name = :name";
  /**
   * The object's stored state before the statement: every part of one statement sees the same
   * snapshot, so the CTE's own update is not visible here. Kept with MODIFIED events for watches
   * with selectors (an object entering or leaving the selection).
   */
  private static final String PREVIOUS_BODY = "(select o.body::text " + THE_OBJECT + ")";
  /** The object's state before the statement, when the write brings it along instead. */
  private static final String PREVIOUS_BODY_PARAMETER = "previousBody";
  /** The name is free. */
  private static final String ABSENT = "not exists (select 1 " + THE_OBJECT + ")";
  /** The object's namespace exists and is not terminating, in the statement's own snapshot. */
  private static final String NAMESPACE_ACTIVE = "exists (select 1 from objects n where n.api_group = '' "
      + "and n.resource = 'namespaces' and n.namespace = '' and n.name = :namespace "
      + "and n.body -> 'metadata' -> 'deletionTimestamp' is null)";

  private final JdbcClient jdbc;
  private final TransactionTemplate snapshots;
  private final GroupCommit commits;
  /**
   * The objects written in the last seconds of a busy cluster: at 5,000 nodes, 10,000 pods and
   * their events written within a few seconds of their bindings, about 2 kB each (bench scheduler).
   */
  private final RecentWrites recentWrites = new RecentWrites(16L << 20);
  private final EventLog eventLog;

  ObjectStore(DataSource dataSource, GroupCommit commits, EventLog eventLog) {
    this.jdbc = JdbcClient.create(dataSource);
    this.snapshots = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshots.setReadOnly(true);
    this.commits = commits;
    this.eventLog = eventLog;
  }

  public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
    ObjectId id = ObjectId.of(type, namespace, name);
    return jdbc.sql("select o.body::text " + THE_OBJECT).params(keyOf(id)).query(String.class).optional()
        .map(Json::read);
  }

  /**
   * The state this replica last wrote of the object, if it wrote it recently: a guess for a
   * read-modify-write (see {@link RecentWrites}), which may be stale or even gone. A write
   * computed from it must name its resourceVersion, and read with {@link #get} when it fails.
   */
  public Optional<ObjectNode> recentlyWritten(ResourceType type, String namespace, String name) {
    return recentWrites.get(ObjectId.of(type, namespace, name)).map(Json::read);
  }

  /**
   * Stores a new object. Sets {@code metadata.resourceVersion}; everything else (uid, timestamps,
   * generation) the caller has set. A namespaced object needs its namespace to exist and not be
   * terminating at that moment (upstream's NamespaceLifecycle admission, here checked in the
   * write's own statement).
   *
   * @return the stored object, or empty if nothing was stored: the name is taken or the
   *     namespace is missing or terminating
   */
  public Optional<ObjectNode> insert(ResourceType type, ObjectNode object, BeforeWrite before) {
    try {
      return Optional.of(commits.write(write(type, "ADDED", object, before, """
          insert into objects (api_group, resource, namespace, name, uid, resource_version, generation, body)
          select :group, :resource, :namespace, :name, :uid, :revision, :generation, cast(:body as jsonb)
          where %s
          on conflict do nothing""".formatted((type.namespaced() ? NAMESPACE_ACTIVE + " and " : "") + ABSENT),
          Map.of("uid", uidOf(object), "generation", generationOf(object)),
          id -> new NotStoredException()))); // a refusal: what the write's BeforeWrite did is undone too
    } catch (NotStoredException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the stored state of an object, if it is still at {@code expectedVersion}: the
   * optimistic concurrency of upstream's GuaranteedUpdate.
   *
   * @throws ObjectChangedException if the object changed or went away since it was read
   */
  public ObjectNode replace(ResourceType type, ObjectNode object, String expectedVersion, BeforeWrite before) {
    long expected = versionOf(expectedVersion);
    Map<String, Object> parameters = new HashMap<>(Map.of("generation", generationOf(object), "expected", expected));
    // the state it replaces, for its event: if this replica wrote it, the text it wrote then (the
    // write happens only if the object is still at that revision); else the statement reads it
    recentWrites.get(idOf(type, object), expected).ifPresent(body -> parameters.put(PREVIOUS_BODY_PARAMETER, body));
    return commits.write(write(type, "MODIFIED", object, before, """
        update objects set resource_version = :revision, generation = :generation, body = cast(:body as jsonb)
        where api_group = :group and resource = :resource and namespace = :namespace and name = :name
          and resource_version = :expected""", parameters, ObjectChangedException::new));
  }

  /**
   * Removes an object, if it is still at {@code expectedVersion}. The DELETED event carries its
   * last state stamped with the deletion's own resourceVersion, as upstream's watch does.
   *
   * @throws ObjectChangedException if the object changed or went away since it was read
   */
  public ObjectNode remove(ResourceType type, ObjectNode lastState, String expectedVersion, BeforeWrite before) {
    return commits.write(write(type, "DELETED", lastState, before, """
        delete from objects
        where api_group = :group and resource = :resource and namespace = :namespace and name = :name
          and resource_version = :expected""",
        Map.of("expected", versionOf(expectedVersion)),
        ObjectChangedException::new));
  }

  /**
   * One change in one statement: {@code change} to the objects table, which changes one row or
   * none (its own condition is the write's precondition), and, if it changed one, the event at
   * the write's revision, as a compare-and-swap in etcd. The object is stamped with that revision
   * and rendered once, for its row and its event alike. After {@code before}, if there is such
   * work, the write is atomic; else it is one statement that its batch sends with others.
   * Hand-written SQL because JPA has no data-modifying CTE.
   *
   * @param refused what the write throws if it changed nothing
   */
  private GroupCommit.Work<ObjectNode> write(ResourceType type, String eventType, ObjectNode object,
      BeforeWrite before, String change, Map<String, Object> parameters,
      Function<ObjectId, RuntimeException> refused) {
    ObjectId id = idOf(type, object);
    String sql = """
        with changed as (%s returning 1)
        insert into object_events (revision, api_group, resource, namespace, name, event_type, body, prev_body)
        select :revision, :group, :resource, :namespace, :name, :eventType, :body, %s from changed"""
        .formatted(change, !eventType.equals("MODIFIED") ? "null"
            : parameters.containsKey(PREVIOUS_BODY_PARAMETER) ? ":" + PREVIOUS_BODY_PARAMETER : PREVIOUS_BODY);
    GroupCommit.Statement<ObjectNode> statement = new GroupCommit.Statement<>() {
      private long revision;
      private String body;

      @Override
      public String sql() {
        return sql;
      }

      @Override
      public Map<String, ?> parameters(long revision) {
        stamp(object, revision);
        this.revision = revision;
        this.body = Json.write(object);
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(keyOf(id));
        all.putAll(Map.of("eventType", eventType, "revision", revision, "body", body));
        return all;
      }

      @Override
      public ObjectNode result(boolean changed) {
        if (!changed) {
          throw refused.apply(id);
        }
        return object;
      }

      @Override
      public void committed() {
        if (eventType.equals("DELETED")) {
          recentWrites.removed(id);
        } else {
          recentWrites.committed(id, revision, body);
        }
      }

      /** The event row the statement inserts; the previous state only if the write brought it along. */
      @Override
      public StoredEvent event() {
        return new StoredEvent(revision, id.group(), id.resource(), id.namespace(), id.name(), eventType, body,
            (String) parameters.get(PREVIOUS_BODY_PARAMETER));
      }
    };
    if (before == BeforeWrite.NOTHING) {
      return statement;
    }
    return new GroupCommit.Work<>() {
      @Override
      public ObjectNode run(JdbcClient jdbc, long revision) {
        before.apply(object);
        return statement.run(jdbc, revision);
      }

      @Override
      public boolean atomic() {
        return true;
      }

      @Override
      public void committed() {
        statement.committed();
      }

      @Override
      public StoredEvent event() {
        return statement.event();
      }
    };
  }

  /** The object's key as the parameters {@link #THE_OBJECT} names. */
  private static Map<String, Object> keyOf(ObjectId id) {
    return Map.of("group", id.group(), "resource", id.resource(), "namespace", id.namespace(), "name", id.name());
  }

  /** An insert that changed nothing; never leaves this class. */
  private static final class NotStoredException extends RuntimeException {
    NotStoredException() {
      super(null, null, false, false);
    }
  }

  /**
   * One page of objects, consistent with the returned resourceVersion: the counter and the rows
   * are read in one REPEATABLE READ snapshot, and every revision at or below the counter has
   * committed (see the class comment).
   */
  public ListPage list(ListQuery query) {
    return snapshots.execute(status -> listInSnapshot(query));
  }

  private ListPage listInSnapshot(ListQuery query) {
    long revision = eventLog.currentRevision(); // in this snapshot: the same connection
    ContinueToken from = query.continueToken() == null ? null : ContinueToken.decode(query.continueToken());
    int limit = query.limit() <= 0 ? Integer.MAX_VALUE : query.limit();
    List<ObjectNode> items = new ArrayList<>();
    String lastNamespace = from == null ? null : from.namespace();
    String lastName = from == null ? null : from.name();
    boolean more = false;
    scan:
    while (true) {
      int batch = (int) Math.min(Math.max((long) (limit - items.size()) * 2, 100), 5000);
      List<Row> found = selectPage(query, lastNamespace, lastName, batch);
      for (int i = 0; i < found.size(); i++) {
        lastNamespace = found.get(i).namespace();
        lastName = found.get(i).name();
        ObjectNode object = Json.read(found.get(i).body());
        if (query.selection().matches(object)) {
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

  private record Row(String namespace, String name, String body) {
  }

  private List<Row> selectPage(ListQuery query, String afterNamespace, String afterName, int batch) {
    StringBuilder sql = new StringBuilder(
        "select namespace, name, body::text from objects where api_group = :group and resource = :resource");
    if (query.namespace() != null && query.type().namespaced()) {
      sql.append(" and namespace = :namespace");
    }
    Map<String, String> labelsEqual = query.selection().labelEqualities();
    if (!labelsEqual.isEmpty()) {
      sql.append(" and body -> 'metadata' -> 'labels' @> cast(:labels as jsonb)");
    }
    if (afterName != null) {
      sql.append(" and (namespace, name) > (:afterNamespace, :afterName)");
    }
    sql.append(" order by namespace, name limit :batch");
    JdbcClient.StatementSpec select = jdbc.sql(sql.toString())
        .param("group", query.type().group())
        .param("resource", query.type().plural())
        .param("batch", batch);
    if (query.namespace() != null && query.type().namespaced()) {
      select = select.param("namespace", query.namespace());
    }
    if (!labelsEqual.isEmpty()) {
      select = select.param("labels", Json.MAPPER.writeValueAsString(labelsEqual));
    }
    if (afterName != null) {
      select = select.param("afterNamespace", afterNamespace).param("afterName", afterName);
    }
    return select.query((rows, i) -> new Row(rows.getString(1), rows.getString(2), rows.getString(3))).list();
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

  private static long versionOf(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long generationOf(ObjectNode object) {
    return object.path("metadata").path("generation").asLong(0);
  }
}
