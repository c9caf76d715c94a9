package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.workqueue.WorkQueue;
import java.util.List;
import java.util.Optional;

/** ownerReferences: who controls an object, and how a dependent's change reaches its owner's queue. */
public final class Owners {

  private Owners() {
  }

  /** The owner reference with {@code controller: true}, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners == null ? Optional.empty()
        : owners.stream().filter(owner -> Boolean.TRUE.equals(owner.getController())).findFirst();
  }

  public static boolean controlledBy(HasMetadata object, HasMetadata owner) {
    return controllerOf(object).map(ref -> ref.getUid().equals(owner.getMetadata().getUid())).orElse(false);
  }

  /** The reference a controller puts on what it creates: it controls it and blocks its foreground deletion. */
  public static OwnerReference controllerReference(HasMetadata owner) {
    OwnerReference reference = new OwnerReference();
    reference.setApiVersion(owner.getApiVersion());
    reference.setKind(owner.getKind());
    reference.setName(owner.getMetadata().getName());
    reference.setUid(owner.getMetadata().getUid());
    reference.setController(true);
    reference.setBlockOwnerDeletion(true);
    return reference;
  }

  /**
   * A handler for dependents that queues the key of their controlling owner of {@code ownerKind}:
   * upstream's {@code enqueueOwner}. A change of owner queues both the old and the new one.
   */
  public static <T extends HasMetadata> ResourceEventHandler<T> enqueueingOwner(String ownerKind,
      WorkQueue<ObjectKey> queue) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        enqueue(object);
      }

      @Override
      public void onUpdate(T old, T now) {
        enqueue(now);
        if (old != now) {
          enqueue(old);
        }
      }

      @Override
      public void onDelete(T last) {
        enqueue(last);
      }

      private void enqueue(T object) {
        controllerOf(object).filter(owner -> ownerKind.equals(owner.getKind()))
            .ifPresent(owner -> queue.add(new ObjectKey(object.getMetadata().getNamespace(), owner.getName())));
      }
    };
  }
}
