package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeboot.resources.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes commit asynchronously (so the revision lock is not held through a disk flush) and are
 * acknowledged only once the WAL holding their commit is on disk.
 */
class DurableWritesTest extends ApiTest {

  @Autowired
  ObjectStore store;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void waitingForTheDiskFlushesTheWalPastEveryEarlierCommit() {
    api.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"durable\"}}");
    // the asynchronous commit of that write lies before the WAL's end now
    String writtenUpTo = jdbc.queryForObject("select pg_current_wal_insert_lsn()::text", String.class);

    store.awaitDurable();

    assertThat(jdbc.queryForObject("select pg_current_wal_flush_lsn() >= cast(? as pg_lsn)", Boolean.class,
        writtenUpTo)).isTrue();
  }

  @Test
  void waitingForTheDiskInsideATransactionIsRefused() {
    // there it would only give the surrounding transaction an xid and flush nothing
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.awaitDurable()))
        .isInstanceOf(IllegalStateException.class);
  }
}
