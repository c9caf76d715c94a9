package io.kubeboot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.kubeboot.resources.support.ResourceServiceTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service's Flyway migrations apply to the real PostgreSQL at start-up. */
@ResourceServiceTest
class FlywayMigrationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void objectStoreSchemaIsInPlace() {
    assertThat(jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'public'", String.class))
        .contains("objects", "object_events", "revision_counter", "compaction", "flyway_schema_history");
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("select revision from revision_counter", Long.class)).isPositive();
  }
}
