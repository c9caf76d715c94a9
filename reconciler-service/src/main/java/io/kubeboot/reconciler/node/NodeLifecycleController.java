package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Pods;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream's node lifecycle controller: a node whose kubelet has neither renewed its Lease nor
 * posted status for the grace period gets its conditions set to Unknown ("Kubelet stopped posting
 * node status.") and its pods marked not ready, so that endpoints drop them; the taints follow
 * the Ready condition (unreachable, not-ready, and unschedulable for a cordoned node), and the
 * taint eviction controller evicts by them.
 */
public final class NodeLifecycleController implements Controller {

  static final String LEASE_NAMESPACE = "kube-node-lease";

  private final KubernetesClient client;
  private final ResourceInformer<Node> nodes;
  private final ResourceInformer<Lease> leases;
  private final ResourceInformer<Pod> pods;
  private final EventRecorder events;
  private final Duration gracePeriod;
  private final Clock clock;

  public NodeLifecycleController(KubernetesClient client, Informers informers, EventRecorder events,
      Duration gracePeriod, Clock clock) {
    this.client = client;
    this.nodes = informers.of(Node.class);
    this.leases = informers.of(Lease.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.gracePeriod = gracePeriod;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "nodelifecycle";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    nodes.addEventHandler(ResourceEventHandler.enqueueing(queue));
    leases.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Lease lease) {
        if (LEASE_NAMESPACE.equals(lease.getMetadata().getNamespace())) {
          queue.add(new ObjectKey(null, lease.getMetadata().getName()));
        }
      }

      @Override
      public void onUpdate(Lease old, Lease now) {
        onAdd(now);
      }
    });
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Node> cached = nodes.get(key);
    if (cached.isEmpty()) {
      return Result.done();
    }
    Node node = cached.get();
    Instant now = clock.instant();
    NodeHealth health = NodeHealth.of(node, leases.get(new ObjectKey(LEASE_NAMESPACE, key.name())).orElse(null));
    String ready = health.readyStatus();
    if (health.silentAt(now, gracePeriod) && !"Unknown".equals(ready)) {
      markUnknown(node, now);
      ready = "Unknown";
    }
    if (!"True".equals(ready)) {
      pods.byIndex(Indexes.NODE_NAME, key.name()).stream().filter(Pods::ready).forEach(pod -> markNotReady(pod, now));
    }
    List<Taint> taints = NodeTaints.desired(node, ready, now);
    if (!Objects.equals(taints, node.getSpec() == null ? null : node.getSpec().getTaints())) {
      client.nodes().withName(key.name()).patch(PatchContext.of(PatchType.JSON_MERGE),
          client.getKubernetesSerialization().asJson(Map.of("spec", Map.of("taints", taints))));
    }
    return "Unknown".equals(ready) ? Result.done() : Result.requeueAfter(health.untilSilent(now, gracePeriod)
        .plusSeconds(1));
  }

  private void markUnknown(Node node, Instant now) {
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    List<NodeCondition> reported = node.getStatus() == null ? List.of() : node.getStatus().getConditions();
    List<NodeCondition> conditions = (reported.isEmpty() ? List.of(new NodeConditionBuilder().withType("Ready").build())
        : reported).stream()
        .map(c -> new NodeConditionBuilder(c).withStatus("Unknown").withReason("NodeStatusUnknown")
            .withMessage("Kubelet stopped posting node status.").withLastTransitionTime(timestamp).build())
        .toList();
    client.nodes().withName(node.getMetadata().getName()).status().patch(PatchContext.of(PatchType.JSON_MERGE),
        client.getKubernetesSerialization().asJson(Map.of("status", Map.of("conditions", conditions))));
    events.normal(node, "node-controller", "NodeNotReady", "Node " + node.getMetadata().getName()
        + " status is now: NodeNotReady");
  }

  private void markNotReady(Pod pod, Instant now) {
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    List<PodCondition> conditions = pod.getStatus().getConditions().stream()
        .map(c -> "Ready".equals(c.getType()) || "ContainersReady".equals(c.getType())
            ? new PodConditionBuilder(c).withStatus("False").withLastTransitionTime(timestamp).build() : c)
        .toList();
    client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).status()
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            client.getKubernetesSerialization().asJson(Map.of("status", Map.of("conditions", conditions))));
  }
}
