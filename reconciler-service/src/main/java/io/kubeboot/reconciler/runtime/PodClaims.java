package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.selector.LabelSelector;
import io.kubeboot.common.workqueue.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Upstream's {@code ClaimPods} for controllers that own pods through a selector (ReplicaSet, Job):
 * the pods an owner controls, plus the orphans its selector matches, which it adopts by adding its
 * controller reference; an owner being deleted adopts nothing.
 */
public final class PodClaims {

  private final KubernetesClient client;
  private final ResourceInformer<Pod> pods;

  public PodClaims(KubernetesClient client, ResourceInformer<Pod> pods) {
    this.client = client;
    this.pods = pods;
  }

  /** The pods of {@code owner}'s namespace that pass {@code filter} and that it controls or has just adopted. */
  public List<Pod> claim(HasMetadata owner, LabelSelector selector, Predicate<Pod> filter) {
    List<Pod> owned = new ArrayList<>();
    for (Pod pod : pods.byIndex(Indexes.NAMESPACE, owner.getMetadata().getNamespace())) {
      if (!filter.test(pod)) {
        continue;
      }
      if (Owners.controlledBy(pod, owner)) {
        owned.add(pod);
      } else if (Owners.controllerOf(pod).isEmpty() && owner.getMetadata().getDeletionTimestamp() == null
          && selector.matches(labels(pod))) {
        owned.add(adopt(owner, pod));
      }
    }
    return owned;
  }

  private Pod adopt(HasMetadata owner, Pod pod) {
    List<OwnerReference> references = new ArrayList<>(pod.getMetadata().getOwnerReferences() == null ? List.of()
        : pod.getMetadata().getOwnerReferences());
    references.add(Owners.controllerReference(owner));
    Pod adopted = new PodBuilder(pod).editMetadata().withOwnerReferences(references).endMetadata().build();
    return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(adopted).update();
  }

  /** A pod handler that queues, for a new orphan pod, every owner whose selector matches it: one may adopt it. */
  public static <T extends HasMetadata> ResourceEventHandler<Pod> enqueueingAdopters(ResourceInformer<T> owners,
      Function<T, LabelSelector> selector, WorkQueue<ObjectKey> queue) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        if (Owners.controllerOf(pod).isEmpty()) {
          owners.byIndex(Indexes.NAMESPACE, pod.getMetadata().getNamespace()).stream()
              .filter(owner -> selector.apply(owner).matches(labels(pod)))
              .forEach(owner -> queue.add(ObjectKey.of(owner)));
        }
      }
    };
  }

  static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }
}
