package io.kubeboot.reconciler.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Expectations;
import io.kubeboot.reconciler.runtime.OwnedPods;
import io.kubeboot.reconciler.runtime.PodClaims;
import io.kubeboot.reconciler.runtime.PodControl;
import io.kubeboot.reconciler.runtime.Pods;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code spec.replicas} active pods per ReplicaSet: creates them from the template, deletes
 * the cheapest ones, adopts orphans its selector matches, and reports counts through {@code /status}.
 */
public final class ReplicaSetController implements Controller {

  static final String COMPONENT = "replicaset-controller";
  /** Upstream's burstReplicas: at most this many creations or deletions per reconcile. */
  static final int BURST = 500;

  private final KubernetesClient client;
  private final ResourceInformer<ReplicaSet> replicaSets;
  private final ResourceInformer<Pod> pods;
  private final Clock clock;
  private final Expectations expectations = new Expectations();
  private final PodClaims claims;
  private final PodControl podControl;

  public ReplicaSetController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.replicaSets = informers.of(ReplicaSet.class);
    this.pods = informers.of(Pod.class);
    this.clock = clock;
    this.claims = new PodClaims(client);
    this.podControl = new PodControl(client, events, expectations, COMPONENT);
  }

  @Override
  public String name() {
    return "replicaset";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    replicaSets.addEventHandler(ResourceEventHandler.enqueueing(queue));
    OwnedPods.watch(pods, "ReplicaSet", replicaSets,
        (rs, pod) -> PodClaims.wouldAdopt(rs.getSpec().getSelector(), pod), expectations, queue);
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ReplicaSet> cached = replicaSets.get(key);
    if (cached.isEmpty()) {
      expectations.forget(key);
      return Result.done();
    }
    ReplicaSet rs = cached.get();
    List<Pod> owned = claimPods(rs);
    if (expectations.satisfied(key) && rs.getMetadata().getDeletionTimestamp() == null) {
      manageReplicas(key, rs, owned);
    }
    ReplicaSetStatuses.Calculated calculated = ReplicaSetStatuses.calculate(rs, owned, clock.instant());
    if (ReplicaSetStatuses.differs(rs, calculated.status())) {
      ReplicaSet updated = new ReplicaSetBuilder(rs).withStatus(calculated.status()).build();
      client.apps().replicaSets().inNamespace(key.namespace()).resource(updated).updateStatus();
    }
    return calculated.recheckAfter().map(Result::requeueAfter).orElse(Result.done());
  }

  /** The active pods this ReplicaSet controls, after adopting the orphans its selector matches. */
  private List<Pod> claimPods(ReplicaSet rs) {
    List<Pod> active = pods.byIndex(Indexes.NAMESPACE, rs.getMetadata().getNamespace()).stream().filter(Pods::active)
        .toList();
    return claims.claim(rs, rs.getSpec().getSelector(), active);
  }

  private void manageReplicas(ObjectKey key, ReplicaSet rs, List<Pod> owned) {
    int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    int diff = owned.size() - desired;
    if (diff < 0) {
      podControl.create(key, rs, rs.getSpec().getTemplate(), Math.min(-diff, BURST));
    } else if (diff > 0) {
      podControl.delete(key, rs, owned.stream().sorted(DeletionRanking.FIRST_TO_DELETE).limit(Math.min(diff, BURST))
          .toList());
    }
  }
}
