package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;

/**
 * What an informer tells about changes to its cache, from one thread and in order. Handlers must
 * be quick (typically they only enqueue a key) and must not change the objects they are given:
 * those are the cache's own.
 */
public interface ResourceEventHandler<T extends HasMetadata> {

  default void onAdd(T object) {
  }

  /**
   * The object changed; on a periodic resync also called with {@code old == now} for every
   * unchanged object, so that level-triggered controllers look at everything again.
   */
  default void onUpdate(T old, T now) {
  }

  /** The object is gone; {@code last} is the last state the cache held. */
  default void onDelete(T last) {
  }

  /** The usual controller handler: every change only queues the object's key. */
  static <T extends HasMetadata> ResourceEventHandler<T> enqueueing(WorkQueue<ObjectKey> queue) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        queue.add(ObjectKey.of(object));
      }

      @Override
      public void onUpdate(T old, T now) {
        queue.add(ObjectKey.of(now));
      }

      @Override
      public void onDelete(T last) {
        queue.add(ObjectKey.of(last));
      }
    };
  }
}
