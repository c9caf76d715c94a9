package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Owners;
import io.kubeboot.reconciler.runtime.Result;
import io.kubeboot.reconciler.runtime.TemplateHash;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rolls Deployments out through ReplicaSets, one per pod template: finds or creates the new one,
 * moves replicas to it by the strategy ({@link Rollout}), keeps the revision annotations kubectl's
 * rollout commands read, prunes history beyond revisionHistoryLimit, and writes status and
 * conditions as upstream's controller does.
 */
public final class DeploymentController implements Controller {

  static final String COMPONENT = "deployment-controller";

  private final KubernetesClient client;
  private final ResourceInformer<Deployment> deployments;
  private final ResourceInformer<ReplicaSet> replicaSets;
  private final ReplicaSetScaler scaler;
  private final Clock clock;

  public DeploymentController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.deployments = informers.of(Deployment.class);
    this.replicaSets = informers.of(ReplicaSet.class);
    this.scaler = new ReplicaSetScaler(client, events);
    this.clock = clock;
  }

  @Override
  public String name() {
    return "deployment";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    deployments.addEventHandler(ResourceEventHandler.enqueueing(queue));
    replicaSets.addEventHandler(Owners.enqueueingOwner("Deployment", queue));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Deployment> cached = deployments.get(key);
    if (cached.isEmpty()) {
      return Result.done();
    }
    Deployment deployment = cached.get();
    List<ReplicaSet> owned = new ArrayList<>(replicaSets.byIndex(Indexes.OWNER_UID, deployment.getMetadata().getUid())
        .stream().filter(rs -> Owners.controlledBy(rs, deployment)).sorted(Comparator.comparing(Revisions::of)).toList());
    ReplicaSet newRs = owned.stream().filter(rs -> isNewReplicaSet(deployment, rs)).findFirst().orElse(null);
    Deployment d = deployment;
    List<ReplicaSet> old = owned.stream().filter(rs -> rs != newRs).toList();
    if (d.getMetadata().getDeletionTimestamp() != null) {
      return writeStatus(d, owned, newRs, DeploymentStatuses.NewReplicaSet.NONE);
    }
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      new Rollout(d, newRs, old, scaler).scaleOnly();
      return writeStatus(d, owned, newRs, DeploymentStatuses.NewReplicaSet.NONE);
    }
    DeploymentStatuses.NewReplicaSet event = DeploymentStatuses.NewReplicaSet.FOUND;
    boolean recreateWaiting = RolloutMath.recreate(d) && old.stream().anyMatch(rs -> RolloutMath.statusReplicas(rs) > 0
        || RolloutMath.specReplicas(rs) > 0);
    ReplicaSet current = newRs;
    if (current == null && !recreateWaiting) {
      current = create(d, owned);
      event = DeploymentStatuses.NewReplicaSet.CREATED;
    } else if (current != null) {
      current = syncRevision(d, current, old);
    }
    List<ReplicaSet> all = new ArrayList<>(old);
    if (current != null) {
      all.add(current);
    }
    d = syncDeploymentRevision(d, current);
    Rollout rollout = new Rollout(d, current, old, scaler);
    boolean changed = RolloutMath.recreate(d) ? rollout.recreate() : rollout.rollingUpdate();
    if (!changed && current != null) {
      DeploymentStatus status = DeploymentStatuses.calculate(d, all, current, event, clock.instant());
      if (DeploymentStatuses.complete(d, status)) {
        new HistoryCleanup(client, d).prune(old);
      }
    }
    return writeStatus(d, all, current, event);
  }

  /** The ReplicaSet of the Deployment's current template: the hash label matches, or the template does (rollback). */
  private static boolean isNewReplicaSet(Deployment d, ReplicaSet rs) {
    Map<String, String> labels = rs.getMetadata().getLabels();
    String hash = TemplateHash.of(d.getSpec().getTemplate(), collisionCount(d));
    return (labels != null && hash.equals(labels.get(TemplateHash.LABEL)))
        || TemplateHash.sameTemplate(d.getSpec().getTemplate(), rs.getSpec().getTemplate());
  }

  private ReplicaSet create(Deployment d, List<ReplicaSet> owned) {
    String hash = TemplateHash.of(d.getSpec().getTemplate(), collisionCount(d));
    Map<String, String> annotations = Revisions.copied(d);
    annotations.put(Revisions.REVISION, Long.toString(Revisions.max(owned) + 1));
    int replicas = RolloutMath.newReplicaSetReplicas(d, owned, null);
    annotations.put(Revisions.DESIRED_REPLICAS, Integer.toString(RolloutMath.replicas(d)));
    annotations.put(Revisions.MAX_REPLICAS, Integer.toString(RolloutMath.replicas(d)
        + (RolloutMath.recreate(d) ? 0 : RolloutMath.fenceposts(d).maxSurge())));
    Map<String, String> labels = new HashMap<>(d.getSpec().getTemplate().getMetadata() == null
        || d.getSpec().getTemplate().getMetadata().getLabels() == null ? Map.of()
        : d.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(TemplateHash.LABEL, hash);
    ReplicaSet rs = new ReplicaSetBuilder()
        .withNewMetadata().withName(d.getMetadata().getName() + "-" + hash).withNamespace(d.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(annotations).withOwnerReferences(Owners.controllerReference(d)).endMetadata()
        .withNewSpec().withReplicas(replicas).withMinReadySeconds(d.getSpec().getMinReadySeconds())
        .withSelector(new LabelSelectorBuilder(d.getSpec().getSelector()).addToMatchLabels(TemplateHash.LABEL, hash)
            .build())
        .withTemplate(new PodTemplateSpecBuilder(d.getSpec().getTemplate()).editOrNewMetadata()
            .addToLabels(TemplateHash.LABEL, hash).endMetadata().build())
        .endSpec().build();
    try {
      ReplicaSet created = client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).resource(rs).create();
      scaler.recordScale(d, created, 0, replicas);
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // created by an earlier reconcile whose event has not reached the cache yet: use it if it is ours
      ReplicaSet existing = client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace())
          .withName(rs.getMetadata().getName()).get();
      if (existing != null && Owners.controlledBy(existing, d) && isNewReplicaSet(d, existing)) {
        return existing;
      }
      throw e;
    }
  }

  /** A ReplicaSet that becomes current again (rollout undo) takes the next revision, as upstream. */
  private ReplicaSet syncRevision(Deployment d, ReplicaSet rs, List<ReplicaSet> old) {
    long next = Revisions.max(old) + 1;
    if (Revisions.of(rs) >= next) {
      return rs;
    }
    Map<String, String> annotations = new HashMap<>(rs.getMetadata().getAnnotations() == null ? Map.of()
        : rs.getMetadata().getAnnotations());
    annotations.putAll(Revisions.copied(d));
    annotations.put(Revisions.REVISION, Long.toString(next));
    ReplicaSet updated = new ReplicaSetBuilder(rs).editMetadata().withAnnotations(annotations).endMetadata().build();
    return client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).resource(updated).update();
  }

  private Deployment syncDeploymentRevision(Deployment d, ReplicaSet current) {
    if (current == null) {
      return d;
    }
    String revision = Long.toString(Revisions.of(current));
    Map<String, String> annotations = d.getMetadata().getAnnotations();
    if (annotations != null && revision.equals(annotations.get(Revisions.REVISION))) {
      return d;
    }
    Deployment updated = new DeploymentBuilder(d).editMetadata().addToAnnotations(Revisions.REVISION, revision)
        .endMetadata().build();
    return client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(updated).update();
  }

  private Result writeStatus(Deployment d, List<ReplicaSet> all, ReplicaSet newRs,
      DeploymentStatuses.NewReplicaSet event) {
    DeploymentStatus status = DeploymentStatuses.calculate(d, all, newRs, event, clock.instant());
    if (DeploymentStatuses.differs(d.getStatus() == null ? new DeploymentStatus() : d.getStatus(), status)) {
      Deployment updated = new DeploymentBuilder(d).withStatus(status).build();
      client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(updated).updateStatus();
    }
    return DeploymentStatuses.untilDeadline(d, status, clock.instant())
        .map(left -> Result.requeueAfter(left.plusSeconds(1))).orElse(Result.done());
  }

  private static int collisionCount(Deployment d) {
    return d.getStatus() == null || d.getStatus().getCollisionCount() == null ? 0 : d.getStatus().getCollisionCount();
  }
}
