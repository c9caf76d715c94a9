package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.scheduler.cache.SchedulerCache;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.queue.SchedulingQueue;
import java.util.Objects;

/**
 * Pod changes, as the scheduler needs them: bound pods are counted in the cache (which also
 * confirms an assumed one), pending pods are queued, and a pod that stops taking room on a node
 * gives every unschedulable pod another chance.
 */
final class PodEvents implements ResourceEventHandler<Pod> {

  private final SchedulerCache cache;
  private final SchedulingQueue queue;
  private final PendingPods pending;

  PodEvents(SchedulerCache cache, SchedulingQueue queue, PendingPods pending) {
    this.cache = cache;
    this.queue = queue;
    this.pending = pending;
  }

  @Override
  public void onAdd(Pod pod) {
    if (PendingPods.isBound(pod)) {
      countBound(pod);
    } else if (pending.isPendingForUs(pod)) {
      queue.add(ObjectKey.of(pod));
    }
  }

  @Override
  public void onUpdate(Pod old, Pod now) {
    ObjectKey key = ObjectKey.of(now);
    if (PendingPods.isBound(now)) {
      countBound(now);
    } else if (!pending.isPendingForUs(now)) {
      queue.delete(key);
    } else if (old != now && (!Objects.equals(old.getSpec(), now.getSpec())
        || !Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels()))) {
      queue.add(key); // a changed pod may fit where it did not
    } else {
      // a status-only change (such as our own PodScheduled condition) or a resync: nothing new to try
      queue.addIfAbsent(key);
    }
  }

  @Override
  public void onDelete(Pod last) {
    ObjectKey key = ObjectKey.of(last);
    queue.delete(key);
    if (cache.isPlaced(key)) {
      cache.removePod(key);
      queue.moveAllToActiveOrBackoff();
    }
  }

  private void countBound(Pod pod) {
    ObjectKey key = ObjectKey.of(pod);
    queue.delete(key);
    if (PendingPods.isTerminal(pod)) {
      if (cache.isPlaced(key)) {
        cache.removePod(key);
        queue.moveAllToActiveOrBackoff();
      }
    } else {
      cache.addOrUpdateBoundPod(PodInfo.of(pod), pod.getSpec().getNodeName());
    }
  }
}
