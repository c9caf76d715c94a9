package io.kubeboot.scheduler.binding;

/** How a binding went. */
public sealed interface BindOutcome {

  record Bound() implements BindOutcome {
  }

  /** The API refused or could not be reached; {@code detail} says what it answered. */
  record Failed(int code, String detail) implements BindOutcome {
  }
}
