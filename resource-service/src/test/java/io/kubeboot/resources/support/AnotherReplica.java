package io.kubeboot.resources.support;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes straight to the objects table, as another replica of resource-service would: what the
 * replica under test remembers of the object is stale afterwards.
 */
@TestComponent
public class AnotherReplica {

  private final JdbcClient jdbc;

  AnotherReplica(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Sets the field at {@code path} (as {@code "{spec,nodeName}"}) of a stored object of the core
   * group to {@code json}, at a new resourceVersion.
   */
  public void set(String resource, String namespace, String name, String path, String json) {
    jdbc.sql("""
        update objects set resource_version = resource_version + 1,
          body = jsonb_set(jsonb_set(body, cast(:path as text[]), cast(:json as jsonb)),
                           '{metadata,resourceVersion}', to_jsonb(cast(resource_version + 1 as text)))
        where api_group = '' and resource = :resource and namespace = :namespace and name = :name""")
        .param("path", path).param("json", json)
        .param("resource", resource).param("namespace", namespace).param("name", name)
        .update();
  }

  /**
   * Creates a config map as another replica's batch would: at the next revision of the counter,
   * with its ADDED event. Returns that revision.
   */
  public long createConfigMap(String namespace, String name) {
    return jdbc.sql("""
        with taken as (update revision_counter set revision = revision + 1 where id = 1 returning revision),
          created as (select revision, jsonb_build_object('apiVersion', 'v1', 'kind', 'ConfigMap', 'metadata',
            jsonb_build_object('name', :name, 'namespace', :namespace, 'uid', gen_random_uuid()::text,
                               'resourceVersion', revision::text)) as body from taken),
          stored as (insert into objects (api_group, resource, namespace, name, uid, resource_version, body)
            select '', 'configmaps', :namespace, :name, cast(body #>> '{metadata,uid}' as uuid), revision, body
            from created)
        insert into object_events (revision, api_group, resource, namespace, name, event_type, body)
        select revision, '', 'configmaps', :namespace, :name, 'ADDED', body::text from created
        returning revision""")
        .param("namespace", namespace).param("name", name)
        .query(Long.class).single();
  }
}
