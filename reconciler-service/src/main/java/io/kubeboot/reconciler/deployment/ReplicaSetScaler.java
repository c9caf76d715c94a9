package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.reconciler.runtime.EventRecorder;

/**
 * Scales a Deployment's ReplicaSet (with a resourceVersion precondition: a stale cache gets a 409)
 * and stamps it with the desired and maximum replicas, recording a ScalingReplicaSet event.
 */
final class ReplicaSetScaler {

  private final KubernetesClient client;
  private final EventRecorder events;

  ReplicaSetScaler(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** Scales {@code rs} to {@code replicas}; false when it already has that many and the right annotations. */
  boolean scale(Deployment d, ReplicaSet rs, int replicas) {
    String desired = Integer.toString(RolloutMath.replicas(d));
    String max = Integer.toString(RolloutMath.replicas(d)
        + (RolloutMath.recreate(d) ? 0 : RolloutMath.fenceposts(d).maxSurge()));
    var annotations = rs.getMetadata().getAnnotations();
    int from = RolloutMath.specReplicas(rs);
    if (from == replicas && annotations != null && desired.equals(annotations.get(Revisions.DESIRED_REPLICAS))
        && max.equals(annotations.get(Revisions.MAX_REPLICAS))) {
      return false;
    }
    ReplicaSet scaled = new ReplicaSetBuilder(rs)
        .editMetadata().addToAnnotations(Revisions.DESIRED_REPLICAS, desired).addToAnnotations(Revisions.MAX_REPLICAS, max)
        .endMetadata().editSpec().withReplicas(replicas).endSpec().build();
    ReplicaSet written = client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(scaled)
        .update();
    recordScale(d, written, from, replicas);
    return from != replicas;
  }

  void recordScale(Deployment d, ReplicaSet rs, int from, int to) {
    if (from == to) {
      return;
    }
    String direction = to > from ? "up" : "down";
    String message = from == 0 && to > 0
        ? "Scaled up replica set " + rs.getMetadata().getName() + " to " + to
        : "Scaled " + direction + " replica set " + rs.getMetadata().getName() + " to " + to + " from " + from;
    events.normal(d, DeploymentController.COMPONENT, "ScalingReplicaSet", message);
  }
}
