package io.kubeboot.reconciler.runtime;

import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;

/**
 * One level-triggered controller. The runner gives it a queue to fill from informer handlers, then
 * calls {@link #reconcile} with each key, never with one key in two workers at once.
 *
 * <p>Contract of {@code reconcile}: re-read current state (the event was only a hint); an object
 * that no longer exists means done; a transient failure is thrown and retried with back-off; a 409
 * is thrown as is and retried at once.
 */
public interface Controller {

  /** Names the queue and the metrics, like upstream's {@code deployment}, {@code replicaset}. */
  String name();

  /** Registers the informer handlers that put keys on {@code queue}; called once, before informers start. */
  void watch(WorkQueue<ObjectKey> queue);

  Result reconcile(ObjectKey key) throws Exception;
}
