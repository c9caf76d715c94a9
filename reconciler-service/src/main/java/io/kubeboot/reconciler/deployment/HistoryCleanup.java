package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;

/** Deletes the oldest scaled-down ReplicaSets beyond {@code revisionHistoryLimit} (default 10) once a rollout completes. */
final class HistoryCleanup {

  private final KubernetesClient client;
  private final Deployment d;

  HistoryCleanup(KubernetesClient client, Deployment d) {
    this.client = client;
    this.d = d;
  }

  void prune(List<ReplicaSet> old) {
    int limit = d.getSpec().getRevisionHistoryLimit() == null ? 10 : d.getSpec().getRevisionHistoryLimit();
    List<ReplicaSet> idle = old.stream()
        .filter(rs -> RolloutMath.specReplicas(rs) == 0 && RolloutMath.statusReplicas(rs) == 0
            && rs.getMetadata().getDeletionTimestamp() == null)
        .sorted(Comparator.comparing(Revisions::of)).toList();
    for (ReplicaSet rs : idle.subList(0, Math.max(0, idle.size() - limit))) {
      client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).withName(rs.getMetadata().getName())
          .delete();
    }
  }
}
