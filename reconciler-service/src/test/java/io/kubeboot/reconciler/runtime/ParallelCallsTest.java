package io.kubeboot.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final ParallelCalls batches = new ParallelCalls(executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void runsEveryCallInBatchesThatDouble() {
    AtomicInteger calls = new AtomicInteger();
    ParallelCalls.Outcome outcome = batches.slowStart(10, calls::incrementAndGet);

    assertThat(outcome.successes()).isEqualTo(10);
    assertThat(outcome.failure()).isNull();
    assertThat(calls).hasValue(10);
  }

  @Test
  void stopsAfterTheBatchInWhichACallFailed() {
    // batches of 1, 2, 4: the 5th call (in the third batch) fails, so the 7 of batch four are never tried
    List<Integer> started = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ParallelCalls.Outcome outcome = batches.slowStart(14, () -> {
      int call = next.incrementAndGet();
      started.add(call);
      if (call == 5) {
        throw new IllegalStateException("quota exceeded");
      }
    });

    assertThat(started).hasSize(7);
    assertThat(outcome.successes()).isEqualTo(6);
    assertThat(outcome.failure()).hasMessage("quota exceeded");
  }

  @Test
  void allAtOnceWaitsForEveryCallAndKeepsTheFirstFailure() {
    AtomicInteger calls = new AtomicInteger();
    Runnable fails = () -> {
      calls.incrementAndGet();
      throw new IllegalStateException("gone");
    };
    ParallelCalls.Outcome outcome = batches.all(List.of(calls::incrementAndGet, fails, calls::incrementAndGet));

    assertThat(calls).hasValue(3);
    assertThat(outcome.successes()).isEqualTo(2);
    assertThat(outcome.failure()).hasMessage("gone");
  }

  @Test
  void nothingToDoIsNoCall() {
    assertThat(batches.slowStart(0, () -> {
      throw new AssertionError("called");
    }).successes()).isZero();
  }
}
