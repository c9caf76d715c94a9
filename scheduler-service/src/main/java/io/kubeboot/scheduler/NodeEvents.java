package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.scheduler.cache.SchedulerCache;
import io.kubeboot.scheduler.queue.SchedulingQueue;

/** Node changes update the cache; a new or changed node may fit pods that fit nowhere before. */
final class NodeEvents implements ResourceEventHandler<Node> {

  private final SchedulerCache cache;
  private final SchedulingQueue queue;

  NodeEvents(SchedulerCache cache, SchedulingQueue queue) {
    this.cache = cache;
    this.queue = queue;
  }

  @Override
  public void onAdd(Node node) {
    cache.addOrUpdateNode(node);
    queue.moveAllToActiveOrBackoff();
  }

  @Override
  public void onUpdate(Node old, Node now) {
    cache.addOrUpdateNode(now);
    if (old != now) { // a resync repeats what is known: no reason to retry anything
      queue.moveAllToActiveOrBackoff();
    }
  }

  @Override
  public void onDelete(Node last) {
    cache.removeNode(last.getMetadata().getName());
  }
}
