package io.kubeboot.node.pods;

import java.time.Duration;

/** What the worker asks of the queue after a sync: nothing (events and resync will bring it back), or a look after a delay. */
record SyncOutcome(Duration requeueAfter) {

  static SyncOutcome done() {
    return new SyncOutcome(null);
  }

  static SyncOutcome after(Duration delay) {
    return new SyncOutcome(delay);
  }

  /** The sooner of two outcomes. */
  SyncOutcome or(SyncOutcome other) {
    if (requeueAfter == null) {
      return other;
    }
    if (other.requeueAfter == null) {
      return this;
    }
    return requeueAfter.compareTo(other.requeueAfter) <= 0 ? this : other;
  }
}
