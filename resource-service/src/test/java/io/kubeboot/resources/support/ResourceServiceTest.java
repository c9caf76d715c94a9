package io.kubeboot.resources.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A full resource-service context on a random port, on a freshly migrated test database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.flyway.clean-disabled=false",
        // graceful shutdown would wait 30 s for the watches some tests leave open
        "spring.lifecycle.timeout-per-shutdown-phase=1s",
        // bookmarks every second rather than every minute, for the tests that wait for one
        "kubeboot.watch.bookmark-interval-seconds=1",
        // tests clean their database: never default to the developer's cluster database
        "spring.datasource.url=${KUBEBOOT_DB_URL:jdbc:postgresql://127.0.0.1:15432/kubeboot_test}"})
@Import({CleanDatabase.class, AnotherReplica.class})
public @interface ResourceServiceTest {
}
