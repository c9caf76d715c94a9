package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.resources.support.ResourceServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batches of {@link GroupCommit}, with real PostgreSQL transactions: writes queued while a
 * batch runs commit together, and one write's failure or refusal never takes the others with it.
 * Rows of {@code service_allocations} serve as the writes' effects.
 */
@ResourceServiceTest
class GroupCommitTest {

  @Autowired
  GroupCommit commits;

  @Autowired
  DataSource dataSource;

  JdbcClient jdbc;

  /** A thread per waiting writer (the common pool may have only one on two cores). */
  final ExecutorService writers = Executors.newCachedThreadPool();

  @BeforeEach
  void clean() {
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("delete from service_allocations where kind = 'nodePort' and value like 'gc-%'").update();
  }

  @Test
  void aFailingStatementFailsOnlyItsOwnWrite() throws Exception {
    insert("gc-taken");
    List<CompletableFuture<Object>> writes = inOneBatch(List.of(
        (jdbc, revision) -> insert(jdbc, "gc-1"),
        (jdbc, revision) -> insert(jdbc, "gc-taken"), // a duplicate key: the statement fails, and the transaction with it
        (jdbc, revision) -> insert(jdbc, "gc-2")));

    assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> writes.get(1).join()).hasCauseInstanceOf(DataAccessException.class);
    assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(stored()).containsExactlyInAnyOrder("gc-taken", "gc-1", "gc-2");
  }

  @Test
  void aRefusedAtomicWriteIsUndoneAndTheBatchCommits() throws Exception {
    GroupCommit.Work<Object> refused = new GroupCommit.Work<>() {
      @Override
      public Object run(JdbcClient jdbc, long revision) {
        insert(jdbc, "gc-undone");
        throw ApiException.badRequest("refused after its first statement");
      }

      @Override
      public boolean atomic() {
        return true;
      }
    };
    List<CompletableFuture<Object>> writes = inOneBatch(List.of((jdbc, revision) -> insert(jdbc, "gc-3"), refused,
        (jdbc, revision) -> insert(jdbc, "gc-4")));

    assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThatThrownBy(() -> writes.get(1).join()).hasCauseInstanceOf(ApiException.class);
    assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(stored()).containsExactlyInAnyOrder("gc-3", "gc-4");
  }

  @Test
  void aBatchsWritesTakeRisingRevisionsAndTheCounterEndsAtTheLastOneWritten() throws Exception {
    long before = counter();
    List<CompletableFuture<Object>> writes = inOneBatch(List.of(
        (jdbc, revision) -> revision,
        (jdbc, revision) -> revision,
        (jdbc, revision) -> {
          throw ApiException.badRequest("refused: its revision goes unused");
        }));

    long first = (Long) writes.get(0).get(10, TimeUnit.SECONDS);
    long second = (Long) writes.get(1).get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> writes.get(2).join()).hasCauseInstanceOf(ApiException.class);
    assertThat(first).isGreaterThan(before);
    assertThat(second).isGreaterThan(first);
    assertThat(counter()).isEqualTo(second);
  }

  @Test
  void oneStatementWritesAreSentTogetherAndEachGetsItsOwnOutcome() throws Exception {
    insert("gc-taken");
    List<CompletableFuture<Object>> writes = inOneBatch(List.of(
        allocation("gc-5", "on conflict do nothing"),
        allocation("gc-taken", "on conflict do nothing"), // changes nothing: refused
        allocation("gc-6", "on conflict do nothing"),
        (jdbc, revision) -> insert(jdbc, "gc-7"))); // not a statement: it runs on its own

    assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("gc-5");
    assertThatThrownBy(() -> writes.get(1).join()).hasCauseInstanceOf(ApiException.class);
    assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("gc-6");
    assertThat(writes.get(3).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(stored()).containsExactlyInAnyOrder("gc-taken", "gc-5", "gc-6", "gc-7");
  }

  @Test
  void aFailingStatementAmongOthersSentTogetherFailsOnlyItsOwnWrite() throws Exception {
    insert("gc-taken");
    List<CompletableFuture<Object>> writes = inOneBatch(List.of(
        allocation("gc-8", ""),
        allocation("gc-taken", ""), // a duplicate key: fails the batch's transaction
        allocation("gc-9", "")));

    assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("gc-8");
    assertThatThrownBy(() -> writes.get(1).join()).hasCauseInstanceOf(DataAccessException.class);
    assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("gc-9");
    assertThat(stored()).containsExactlyInAnyOrder("gc-taken", "gc-8", "gc-9");
  }

  /** A one-statement write of an allocation row: returns its value, refused if the row was not inserted. */
  private static GroupCommit.Statement<Object> allocation(String value, String onConflict) {
    return new GroupCommit.Statement<>() {
      @Override
      public String sql() {
        return "insert into service_allocations (kind, value, owner_uid) values ('nodePort', :value, :owner) "
            + onConflict;
      }

      @Override
      public Map<String, ?> parameters(long revision) {
        return Map.of("value", value, "owner", UUID.randomUUID());
      }

      @Override
      public Object result(boolean changed) {
        if (!changed) {
          throw ApiException.badRequest(value + " is taken");
        }
        return value;
      }
    };
  }

  private long counter() {
    return jdbc.sql("select revision from revision_counter where id = 1").query(Long.class).single();
  }

  /**
   * Queues {@code works} while a first write holds the committer, so that they run as one batch;
   * returns their results in order.
   */
  private List<CompletableFuture<Object>> inOneBatch(List<GroupCommit.Work<Object>> works) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> commits.write((jdbc, revision) -> {
      holding.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }), writers);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Object>> results = new ArrayList<>();
    for (GroupCommit.Work<Object> work : works) {
      results.add(CompletableFuture.supplyAsync(() -> commits.write(work), writers));
    }
    while (commits.queued() < works.size()) {
      Thread.sleep(5);
    }
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    return results;
  }

  private static int insert(JdbcClient jdbc, String value) {
    return jdbc.sql("insert into service_allocations (kind, value, owner_uid) values ('nodePort', :value, :owner)")
        .param("value", value).param("owner", UUID.randomUUID()).update();
  }

  private void insert(String value) {
    insert(jdbc, value);
  }

  private List<String> stored() {
    return jdbc.sql("select value from service_allocations where kind = 'nodePort' and value like 'gc-%'")
        .query(String.class).list();
  }
}
