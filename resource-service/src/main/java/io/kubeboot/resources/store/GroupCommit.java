package io.kubeboot.resources.store;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: the writes of concurrent requests commit together, in one transaction on one
 * thread, as etcd's backend batches its transactions. A commit waits for its WAL flush; one
 * transaction per request so allowed one flush's worth of writes at a time, each paying a
 * transaction's overhead in PostgreSQL. Here a batch is whatever queued while the last one
 * committed, so batches grow with the load and a lone write commits at once.
 *
 * <p>The batch also hands out revisions. It first takes one per write from
 * {@code revision_counter} in a single update, whose row lock it holds to commit: batches, of
 * this replica or another, commit in revision order. Each write gets the next revision and writes
 * it into its object and event, with no statement of its own on the counter; the counter is set
 * back to the last revision used if the batch's last writes changed nothing.
 *
 * <p>A write is one statement that either changes its rows or changes nothing and reports why (a
 * name taken, an object changed since it was read), so one write's refusal leaves the batch's
 * transaction usable, and the statements of a batch go to the database together
 * ({@link Statement}, {@link StatementBatch}). A write that touches other tables first
 * ({@link Work#atomic()}) runs alone, under a savepoint. Should a statement fail all the same,
 * the batch rolls back and each of its writes runs again alone, so that only the failing one
 * fails; a failed commit fails all its writes.
 *
 * <p>A committed batch hands the revisions it used and the events its writes logged to
 * {@link CommittedEvents} before it wakes the log's readers.
 */
@Component
public class GroupCommit implements SmartLifecycle {

  /** One write: runs in the batch's transaction, through {@code jdbc}, at {@code revision} if it changes anything. */
  public interface Work<R> {
    R run(JdbcClient jdbc, long revision);

    /** True when the write changes more than one statement's worth and must be undone as a whole on failure. */
    default boolean atomic() {
      return false;
    }

    /** Called once the batch that ran this write has committed, unless the write was refused. */
    default void committed() {
    }

    /** The event the write logged, once it has run: null if it logs none. */
    default StoredEvent event() {
      return null;
    }
  }

  /**
   * A write that is one statement, changing one row or none: the batch sends the statements of
   * such writes that have the same SQL together ({@link StatementBatch}).
   */
  public interface Statement<R> extends Work<R> {
    /** The statement, with named parameters: the same text for every write of its kind. */
    String sql();

    /** The statement's parameters for the write at {@code revision}. */
    Map<String, ?> parameters(long revision);

    /** What the write returns once its statement has run; throws its refusal if the statement changed nothing. */
    R result(boolean changed);

    @Override
    default R run(JdbcClient jdbc, long revision) {
      return result(jdbc.sql(sql()).params(parameters(revision)).update() == 1);
    }
  }

  private static final int MAX_BATCH = 128;

  private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate namedJdbc;
  private final CommitSignal commits;
  private final CommittedEvents committedEvents;
  private final DistributionSummary batchSizes;
  private final Timer commitTime;
  private volatile Thread committer;

  GroupCommit(DataSource dataSource, CommitSignal commits, CommittedEvents committedEvents, MeterRegistry meters) {
    // plain JDBC transactions: the batch needs savepoints and nothing of JPA's session
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.jdbc = JdbcClient.create(dataSource);
    this.namedJdbc = new NamedParameterJdbcTemplate(dataSource);
    this.commits = commits;
    this.committedEvents = committedEvents;
    Gauge.builder("kubeboot_storage_commit_queue_depth", queue, BlockingQueue::size)
        .description("Writes waiting for the next batch").register(meters);
    this.batchSizes = DistributionSummary.builder("kubeboot_storage_commit_batch_size")
        .description("Writes committed together in one transaction").register(meters);
    this.commitTime = Timer.builder("kubeboot_storage_commit_duration_seconds")
        .description("Time to run and commit one batch of writes").publishPercentileHistogram().register(meters);
  }

  /** Runs {@code work} in the next batch and returns its result once the batch has committed. */
  public <R> R write(Work<R> work) {
    PendingWrite<R> pending = new PendingWrite<>(work);
    queue.add(pending);
    try {
      return pending.result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Writes waiting for the next batch. */
  int queued() {
    return queue.size();
  }

  private void loop() {
    List<PendingWrite<?>> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      commit(batch);
      batch.clear();
    }
    List<PendingWrite<?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.result.completeExceptionally(new IllegalStateException("the store is shutting down")));
  }

  private void commit(List<PendingWrite<?>> batch) {
    long start = System.nanoTime();
    boolean[] statementFailed = {false};
    UsedRevisions used;
    try {
      used = transactions.execute(status -> {
        long first = takeRevisions(batch.size());
        StatementBatch statements = new StatementBatch(namedJdbc);
        try {
          for (int i = 0; i < batch.size(); i++) {
            PendingWrite<?> pending = batch.get(i);
            pending.revision = first + i;
            if (pending.statement() != null) {
              statements.add(pending);
            } else {
              statements.send();
              pending.run(jdbc, status);
            }
          }
          statements.send();
        } catch (DataAccessException e) {
          statementFailed[0] = true;
          throw e;
        }
        long lastUsed = batch.stream().filter(PendingWrite::written).mapToLong(p -> p.revision).max()
            .orElse(first - 1);
        if (lastUsed < first + batch.size() - 1) {
          jdbc.sql("update revision_counter set revision = :revision where id = 1").param("revision", lastUsed).update();
        }
        return new UsedRevisions(first, lastUsed);
      });
    } catch (RuntimeException e) {
      if (statementFailed[0] && batch.size() > 1) {
        // one statement failed and took the transaction with it: find it by running each alone
        batch.forEach(pending -> commit(List.of(pending.reset())));
      } else {
        // the failing write itself, or a commit whose outcome is unknown: running the batch again
        // could apply its writes twice, so each fails and its client may read and retry
        batch.forEach(pending -> pending.fail(e));
      }
      return;
    }
    // in memory before readers are woken, who then find the batch there
    committedEvents.committed(used.first(), used.last(),
        batch.stream().map(PendingWrite::event).filter(Objects::nonNull).toList());
    batch.forEach(PendingWrite::complete);
    commits.fire();
    batchSizes.record(batch.size());
    commitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** The revisions a committed batch used: {@code first} to {@code last}, none if last < first. */
  private record UsedRevisions(long first, long last) {
  }

  /** Takes {@code count} revisions and the counter's lock until commit; returns the first of them. */
  private long takeRevisions(int count) {
    return jdbc.sql("update revision_counter set revision = revision + :count where id = 1 "
        + "returning revision - :count + 1").param("count", count).query(Long.class).single();
  }

  @Override
  public void start() {
    Thread thread = new Thread(this::loop, "group-commit");
    thread.setDaemon(true);
    committer = thread;
    thread.start();
  }

  @Override
  public void stop() {
    Thread thread = committer;
    committer = null;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return committer != null;
  }

  /** Stops after everything that writes through it (web server, bootstrap) and starts before them. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
