package io.kubeboot.reconciler.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Upstream's {@code slowStartBatch}: runs a call {@code count} times, in parallel batches of 1,
 * 2, 4, ... and stops after the first batch in which a call failed. A controller so creates
 * hundreds of pods in about as many round trips as their logarithm, while a failing API (quota,
 * a terminating namespace) costs one call, not hundreds.
 */
final class SlowStartBatch {

  /** How many calls succeeded, and the first failure that stopped the run, if any. */
  record Outcome(int successes, RuntimeException failure) {
  }

  private final Executor executor;

  SlowStartBatch(Executor executor) {
    this.executor = executor;
  }

  Outcome run(int count, Runnable call) {
    int successes = 0;
    int remaining = count;
    for (int batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
      List<CompletableFuture<Void>> calls = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        calls.add(CompletableFuture.runAsync(call, executor));
      }
      RuntimeException failure = null;
      for (CompletableFuture<Void> done : calls) {
        try {
          done.join();
          successes++;
        } catch (CompletionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException cause ? cause : e;
          }
        }
      }
      if (failure != null) {
        return new Outcome(successes, failure);
      }
      remaining -= batch;
    }
    return new Outcome(successes, null);
  }
}
