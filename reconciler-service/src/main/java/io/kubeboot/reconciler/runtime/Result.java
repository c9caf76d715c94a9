package io.kubeboot.reconciler.runtime;

import java.time.Duration;

/**
 * What a reconcile asks of the runner when it did not fail: nothing more ({@link #done}), or to look
 * at the key again after a while, e.g. when a pod becomes available only after minReadySeconds.
 */
public record Result(Duration requeueAfter) {

  private static final Result DONE = new Result(null);

  public static Result done() {
    return DONE;
  }

  public static Result requeueAfter(Duration delay) {
    return new Result(delay);
  }

  /** The sooner of two outcomes, for a reconcile made of several steps. */
  public Result and(Result other) {
    if (requeueAfter == null) {
      return other;
    }
    if (other.requeueAfter == null) {
      return this;
    }
    return requeueAfter.compareTo(other.requeueAfter) <= 0 ? this : other;
  }
}
