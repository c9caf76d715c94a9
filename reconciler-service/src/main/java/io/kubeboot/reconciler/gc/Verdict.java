package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Map;

/**
 * What the collector does with a dependent, from how each of its owners stands: upstream's
 * {@code attemptToDeleteItem}. An object with an owner that stays is kept, but loses its references
 * to owners that are gone or deleted in the foreground (or those would wait for it forever). An
 * object none of whose owners stays is deleted: in the foreground when an owner waits for it and it
 * has dependents of its own (so the owner waits for those too), else as its own finalizers ask,
 * else in the background.
 *
 * @param action what to do
 * @param dropped for {@link Action#DROP_REFERENCES}, the uids of the references to remove
 * @param propagation for {@link Action#DELETE}, how its own dependents go
 */
record Verdict(Action action, List<String> dropped, DeletionPropagation propagation) {

  enum Action { KEEP, DROP_REFERENCES, DELETE }

  static final Verdict KEEP = new Verdict(Action.KEEP, List.of(), null);

  /**
   * @param owners the dependent's references, each with its owner's state, in reference order
   * @param hasDependents whether something names the dependent as owner in turn
   * @param ownFinalizer {@code orphan} or {@code foregroundDeletion} if the dependent carries it already
   */
  static Verdict of(Map<OwnerReference, OwnerState> owners, boolean hasDependents, String ownFinalizer) {
    if (owners.isEmpty()) {
      return KEEP;
    }
    List<String> notStaying = owners.entrySet().stream().filter(e -> e.getValue() != OwnerState.PRESENT)
        .map(e -> e.getKey().getUid()).toList();
    if (notStaying.size() < owners.size()) {
      return notStaying.isEmpty() ? KEEP : new Verdict(Action.DROP_REFERENCES, notStaying, null);
    }
    boolean ownerWaits = owners.containsValue(OwnerState.DELETING_DEPENDENTS);
    DeletionPropagation propagation;
    if (ownerWaits && hasDependents) {
      propagation = DeletionPropagation.FOREGROUND;
    } else if (DeletionFinalizers.ORPHAN.equals(ownFinalizer)) {
      propagation = DeletionPropagation.ORPHAN;
    } else if (DeletionFinalizers.FOREGROUND.equals(ownFinalizer)) {
      propagation = DeletionPropagation.FOREGROUND;
    } else {
      propagation = DeletionPropagation.BACKGROUND;
    }
    return new Verdict(Action.DELETE, List.of(), propagation);
  }
}
