package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Expectations;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.OwnedPods;
import io.kubeboot.reconciler.runtime.PodClaims;
import io.kubeboot.reconciler.runtime.Result;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one pod of each DaemonSet on every node that should run it ({@link NodeEligibility}): a new
 * node gets one, a node that no longer qualifies loses it, failed pods are replaced, and a changed
 * template rolls out node by node within maxUnavailable ({@link RollingUpdate}), or on deletion
 * only (OnDelete). Pods are placed by node affinity and bound by the scheduler, as upstream.
 */
public final class DaemonSetController implements Controller {

  static final String COMPONENT = "daemonset-controller";
  private static final String KIND = "DaemonSet";

  private final KubernetesClient client;
  private final ResourceInformer<DaemonSet> daemonSets;
  private final ResourceInformer<Pod> pods;
  private final ResourceInformer<Node> nodes;
  private final EventRecorder events;
  private final Clock clock;
  private final Expectations expectations = new Expectations();
  private final PodClaims claims;

  public DaemonSetController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.daemonSets = informers.of(DaemonSet.class);
    this.pods = informers.of(Pod.class);
    this.nodes = informers.of(Node.class);
    this.events = events;
    this.clock = clock;
    this.claims = new PodClaims(client);
  }

  @Override
  public String name() {
    return "daemonset";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    daemonSets.addEventHandler(ResourceEventHandler.enqueueing(queue));
    OwnedPods.watch(pods, KIND, daemonSets, (ds, pod) -> PodClaims.wouldAdopt(ds.getSpec().getSelector(), pod),
        expectations, queue);
    nodes.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        enqueueAll(queue);
      }

      /** Heartbeats change only the status; what decides eligibility is the labels and the spec (taints, cordon). */
      @Override
      public void onUpdate(Node old, Node now) {
        if (!Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())
            || !Objects.equals(old.getSpec(), now.getSpec())) {
          enqueueAll(queue);
        }
      }

      @Override
      public void onDelete(Node node) {
        enqueueAll(queue);
      }
    });
  }

  private void enqueueAll(WorkQueue<ObjectKey> queue) {
    daemonSets.list().forEach(ds -> queue.add(ObjectKey.of(ds)));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<DaemonSet> cached = daemonSets.get(key);
    if (cached.isEmpty()) {
      expectations.forget(key);
      return Result.done();
    }
    DaemonSet ds = cached.get();
    String hash = DaemonPods.hash(ds);
    List<Pod> owned = claims.claim(ds, ds.getSpec().getSelector(),
        pods.byIndex(Indexes.NAMESPACE, key.namespace()));
    Map<String, List<Pod>> podsByNode = byTargetNode(owned);
    Map<String, NodeEligibility> eligibility = new LinkedHashMap<>();
    for (Node node : nodes.list()) {
      eligibility.put(node.getMetadata().getName(),
          NodeEligibility.of(node, DaemonPods.podFor(ds, node.getMetadata().getName(), hash)));
    }
    if (expectations.satisfied(key) && ds.getMetadata().getDeletionTimestamp() == null) {
      NodePlan plan = NodePlan.of(eligibility, podsByNode);
      if (!plan.isEmpty()) {
        sync(key, ds, hash, plan);
      } else if (RollingUpdate.enabled(ds)) {
        rollOut(key, ds, hash, eligibility, podsByNode);
      }
    }
    DaemonSetStatuses.Calculated calculated = DaemonSetStatuses.calculate(ds, eligibility, podsByNode, hash,
        clock.instant());
    if (DaemonSetStatuses.differs(ds, calculated.status())) {
      DaemonSet updated = new DaemonSetBuilder(ds).withStatus(calculated.status()).build();
      client.apps().daemonSets().inNamespace(key.namespace()).resource(updated).updateStatus();
    }
    return calculated.recheckAfter().map(Result::requeueAfter).orElse(Result.done());
  }

  private void rollOut(ObjectKey key, DaemonSet ds, String hash, Map<String, NodeEligibility> eligibility,
      Map<String, List<Pod>> podsByNode) {
    Map<String, List<Pod>> onEligibleNodes = new HashMap<>();
    eligibility.forEach((node, e) -> {
      if (e.shouldRun()) {
        onEligibleNodes.put(node, podsByNode.getOrDefault(node, List.of()));
      }
    });
    int minReadySeconds = ds.getSpec().getMinReadySeconds() == null ? 0 : ds.getSpec().getMinReadySeconds();
    List<Pod> old = RollingUpdate.oldPodsToDelete(onEligibleNodes, hash, DaemonPods.templateGeneration(ds),
        RollingUpdate.maxUnavailable(ds, onEligibleNodes.size()), minReadySeconds, clock.instant());
    if (!old.isEmpty()) {
      sync(key, ds, hash, new NodePlan(List.of(), old, List.of()));
    }
  }

  /** Upstream's {@code syncNodes}: creations and deletions, with the expectations that keep a stale cache from repeating them. */
  private void sync(ObjectKey key, DaemonSet ds, String hash, NodePlan plan) {
    for (Pod pod : plan.failedPods()) {
      events.warning(ds, COMPONENT, "FailedDaemonPod", "Found failed daemon pod %s/%s on node %s, will try to kill it"
          .formatted(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), pod.getSpec().getNodeName()));
    }
    expectations.expect(key, plan.nodesNeedingPods().size(), plan.podsToDelete());
    List<String> needing = plan.nodesNeedingPods();
    for (int i = 0; i < needing.size(); i++) {
      try {
        Pod created = client.pods().inNamespace(key.namespace()).resource(DaemonPods.podFor(ds, needing.get(i), hash))
            .create();
        events.normal(ds, COMPONENT, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
      } catch (KubernetesClientException e) {
        expectations.creationsObserved(key, needing.size() - i);
        plan.podsToDelete().forEach(pod -> expectations.deletionObserved(key, pod));
        events.warning(ds, COMPONENT, "FailedCreate", "Error creating: " + e.getMessage());
        throw e;
      }
    }
    List<Pod> victims = new ArrayList<>(plan.podsToDelete());
    for (int i = 0; i < victims.size(); i++) {
      Pod pod = victims.get(i);
      try {
        if (client.pods().inNamespace(key.namespace()).withName(pod.getMetadata().getName()).delete().isEmpty()) {
          expectations.deletionObserved(key, pod); // already gone: its event may have passed before we expected it
          continue;
        }
        events.normal(ds, COMPONENT, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          victims.subList(i, victims.size()).forEach(victim -> expectations.deletionObserved(key, victim));
          events.warning(ds, COMPONENT, "FailedDelete", "Error deleting: " + e.getMessage());
          throw e;
        }
        expectations.deletionObserved(key, pod); // already gone: its event may have passed before we expected it
      }
    }
  }

  private static Map<String, List<Pod>> byTargetNode(List<Pod> owned) {
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Pod pod : owned) {
      DaemonPods.targetNode(pod).ifPresent(node -> byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod));
    }
    return byNode;
  }
}
