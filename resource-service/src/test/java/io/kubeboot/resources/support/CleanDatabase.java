package io.kubeboot.resources.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tests start from an empty schema: Flyway drops what an earlier run left in the test database
 * and migrates from scratch, which also proves the migrations apply to a fresh PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabase {

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
