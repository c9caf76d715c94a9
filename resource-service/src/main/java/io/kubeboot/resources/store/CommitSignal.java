package io.kubeboot.resources.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes whoever follows the event log (watch hub, outbox relay) right after a commit in this
 * process, so they need not poll fast. They still poll slowly for commits of other replicas.
 */
@Component
public class CommitSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private long commits;

  void fire() {
    lock.lock();
    try {
      commits++;
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until a commit after {@code seen} or the timeout; returns the commit count to pass next time. */
  public long await(long seen, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (commits == seen && nanos > 0) {
        nanos = committed.awaitNanos(nanos);
      }
      return commits;
    } finally {
      lock.unlock();
    }
  }

  public long count() {
    lock.lock();
    try {
      return commits;
    } finally {
      lock.unlock();
    }
  }
}
