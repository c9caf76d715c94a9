package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import java.util.function.BiPredicate;

/**
 * How a pod change reaches a controller that owns pods (ReplicaSet, DaemonSet, StatefulSet): its
 * controlling owner is queued, the owner's expectations are lowered, and a new orphan queues every
 * owner that would adopt it.
 */
public final class OwnedPods {

  private OwnedPods() {
  }

  /**
   * @param ownerKind the kind in the pods' controller references, e.g. {@code ReplicaSet}
   * @param adopts whether an owner would adopt an orphan pod (its selector matches, and whatever else the kind asks)
   */
  public static <O extends HasMetadata> void watch(ResourceInformer<Pod> pods, String ownerKind,
      ResourceInformer<O> owners, BiPredicate<O, Pod> adopts, Expectations expectations, WorkQueue<ObjectKey> queue) {
    pods.addEventHandler(Owners.enqueueingOwner(ownerKind, queue));
    pods.addEventHandler(expectations.observer(ownerKind));
    pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        if (Owners.controllerOf(pod).isPresent()) {
          return;
        }
        owners.byIndex(Indexes.NAMESPACE, pod.getMetadata().getNamespace()).stream()
            .filter(owner -> adopts.test(owner, pod)).forEach(owner -> queue.add(ObjectKey.of(owner)));
      }
    });
  }
}
