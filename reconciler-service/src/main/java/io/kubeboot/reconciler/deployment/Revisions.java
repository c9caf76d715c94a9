package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The annotations kubectl's rollout commands read: each ReplicaSet's revision (history lists them,
 * undo picks one), the Deployment's current revision, and the desired and maximum replicas a
 * ReplicaSet was last scaled for.
 */
final class Revisions {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  /** Deployment annotations that describe the Deployment itself and are not copied to its ReplicaSets. */
  private static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration", REVISION,
      "deployment.kubernetes.io/revision-history", DESIRED_REPLICAS, MAX_REPLICAS,
      "deprecated.deployment.rollback.to");

  private Revisions() {
  }

  static long of(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(REVISION);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long max(Collection<ReplicaSet> replicaSets) {
    return replicaSets.stream().mapToLong(Revisions::of).max().orElse(0);
  }

  /** The Deployment's annotations a ReplicaSet carries (kubectl rollout history shows change-cause from them). */
  static Map<String, String> copied(HasMetadata deployment) {
    Map<String, String> copied = new HashMap<>();
    Map<String, String> annotations = deployment.getMetadata().getAnnotations();
    if (annotations != null) {
      annotations.forEach((key, value) -> {
        if (!NOT_COPIED.contains(key)) {
          copied.put(key, value);
        }
      });
    }
    return copied;
  }
}
