package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The finalizers the API server puts on an object deleted with Orphan or Foreground propagation. */
final class DeletionFinalizers {

  static final String ORPHAN = "orphan";
  static final String FOREGROUND = "foregroundDeletion";

  private DeletionFinalizers() {
  }

  static boolean has(HasMetadata object, String finalizer) {
    List<String> finalizers = object.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(finalizer);
  }

  static boolean deleting(HasMetadata object) {
    return object.getMetadata().getDeletionTimestamp() != null;
  }

  /** Upstream's {@code isDeletingDependents}: marked for deletion, waiting for its dependents. */
  static boolean deletingDependents(HasMetadata object) {
    return deleting(object) && has(object, FOREGROUND);
  }

  /** Marked for deletion with a finalizer only the garbage collector removes. */
  static boolean awaitingCollector(HasMetadata object) {
    return deleting(object) && (has(object, FOREGROUND) || has(object, ORPHAN));
  }
}
