package io.kubeboot.reconciler.gc;

/** How the owner an owner reference names stands, as upstream's garbage collector classifies it. */
enum OwnerState {
  /** It exists (or is of a kind that cannot be checked): the dependent stays. */
  PRESENT,
  /** It is gone: the reference dangles. */
  ABSENT,
  /** It is being deleted in the foreground: it waits for its dependents to go first. */
  DELETING_DEPENDENTS
}
