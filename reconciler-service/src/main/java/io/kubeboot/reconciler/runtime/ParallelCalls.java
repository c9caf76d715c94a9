package io.kubeboot.reconciler.runtime;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A controller's API calls run in parallel: all at once ({@link #all}), or as upstream's
 * {@code slowStartBatch} ({@link #slowStart}). Either way every started call is waited for, and
 * the outcome counts the successes and keeps the first failure.
 */
final class ParallelCalls {

  /** How many calls succeeded, and the first failure, if any. */
  record Outcome(int successes, RuntimeException failure) {
  }

  private final Executor executor;

  ParallelCalls(Executor executor) {
    this.executor = executor;
  }

  /** Runs every call at once and waits for them all. */
  Outcome all(List<Runnable> calls) {
    List<CompletableFuture<Void>> running =
        calls.stream().map(call -> CompletableFuture.runAsync(call, executor)).toList();
    int successes = 0;
    RuntimeException failure = null;
    for (CompletableFuture<Void> done : running) {
      try {
        done.join();
        successes++;
      } catch (CompletionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    return new Outcome(successes, failure);
  }

  /**
   * Runs {@code call} {@code count} times in batches of 1, 2, 4, ... and stops after the first
   * batch in which a call failed. A controller so creates hundreds of pods in about as many round
   * trips as their logarithm, while a failing API (quota, a terminating namespace) costs one call,
   * not hundreds.
   */
  Outcome slowStart(int count, Runnable call) {
    int successes = 0;
    int remaining = count;
    for (int batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
      Outcome outcome = all(Collections.nCopies(batch, call));
      successes += outcome.successes();
      if (outcome.failure() != null) {
        return new Outcome(successes, outcome.failure());
      }
      remaining -= batch;
    }
    return new Outcome(successes, null);
  }
}
