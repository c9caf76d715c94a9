package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's taint eviction controller: pods on a node with NoExecute taints they do not tolerate
 * are deleted at once; pods that tolerate them for a while ({@code tolerationSeconds}, 300 s by
 * default admission for not-ready and unreachable nodes) are deleted when that time has passed
 * since the taint was added. Their controllers then replace them elsewhere.
 */
public final class TaintEvictionController implements Controller {

  private final KubernetesClient client;
  private final ResourceInformer<Node> nodes;
  private final ResourceInformer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;

  public TaintEvictionController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.nodes = informers.of(Node.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "taint-eviction";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    nodes.addEventHandler(ResourceEventHandler.enqueueing(queue));
    pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        if (pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
          queue.add(new ObjectKey(null, pod.getSpec().getNodeName()));
        }
      }

      @Override
      public void onUpdate(Pod old, Pod now) {
        onAdd(now);
      }
    });
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Node> node = nodes.get(key);
    List<Taint> noExecute = node.map(n -> n.getSpec() == null || n.getSpec().getTaints() == null
        ? List.<Taint>of() : n.getSpec().getTaints().stream().filter(t -> "NoExecute".equals(t.getEffect())).toList())
        .orElse(List.of());
    if (noExecute.isEmpty()) {
      return Result.done();
    }
    Instant now = clock.instant();
    Result result = Result.done();
    for (Pod pod : pods.byIndex(Indexes.NODE_NAME, key.name())) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Optional<Instant> evictAt = Eviction.time(pod.getSpec().getTolerations(), noExecute);
      if (evictAt.isEmpty()) {
        continue;
      }
      if (evictAt.get().isAfter(now)) {
        result = result.and(Result.requeueAfter(Duration.between(now, evictAt.get())));
        continue;
      }
      events.normal(pod, "taint-eviction-controller", "TaintManagerEviction", "Marking for deletion Pod "
          + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    }
    return result;
  }
}
