package io.kubeboot.resources.store;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;

/** A write of {@link GroupCommit} waiting for its batch, and then for the batch's commit. */
final class PendingWrite<R> {

  final GroupCommit.Work<R> work;
  final CompletableFuture<R> result = new CompletableFuture<>();
  /** The revision its batch gave it. */
  long revision;
  private R value;
  private RuntimeException refusal;
  private boolean ran;

  PendingWrite(GroupCommit.Work<R> work) {
    this.work = work;
  }

  /** A write that is one statement, which its batch may send together with others. */
  GroupCommit.Statement<R> statement() {
    return work instanceof GroupCommit.Statement<R> statement && !work.atomic() ? statement : null;
  }

  /** Runs the write alone, under a savepoint if it is atomic. */
  void run(JdbcClient jdbc, TransactionStatus status) {
    Object savepoint = work.atomic() ? status.createSavepoint() : null;
    settle(() -> work.run(jdbc, revision));
    if (savepoint != null) {
      if (refusal == null) {
        status.releaseSavepoint(savepoint);
      } else {
        status.rollbackToSavepoint(savepoint); // only this write is undone
      }
    }
  }

  /** Settles a {@link #statement()} sent with others: its statement changed {@code rows} rows. */
  void settle(int rows) {
    GroupCommit.Statement<R> statement = statement();
    settle(() -> statement.result(rows == 1));
  }

  /** Whether the write ran and was not refused: its revision is used. */
  boolean written() {
    return ran && refusal == null;
  }

  private void settle(Supplier<R> outcome) {
    try {
      value = outcome.get();
    } catch (DataAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      refusal = e; // refused (AlreadyExists, Conflict, Invalid, ...)
    }
    ran = true;
  }

  /** The event the write logged, if it was written. */
  StoredEvent event() {
    return written() ? work.event() : null;
  }

  PendingWrite<R> reset() {
    value = null;
    refusal = null;
    ran = false;
    return this;
  }

  /** After the batch's commit: delivers the outcome. */
  void complete() {
    if (refusal != null) {
      result.completeExceptionally(refusal);
    } else {
      work.committed();
      result.complete(value);
    }
  }

  void fail(RuntimeException e) {
    result.completeExceptionally(e);
  }
}
