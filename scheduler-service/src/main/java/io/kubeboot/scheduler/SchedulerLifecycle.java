package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.scheduler.queue.SchedulingQueue;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the informers on every replica (so a standby has a warm cache when it takes over) and
 * stands for leadership; stops both in reverse order.
 */
final class SchedulerLifecycle implements SmartLifecycle {

  private final ResourceInformer<Pod> pods;
  private final ResourceInformer<Node> nodes;
  private final LeaderElection election;
  private final SchedulingQueue queue;
  private volatile boolean running;

  SchedulerLifecycle(ResourceInformer<Pod> pods, ResourceInformer<Node> nodes, LeaderElection election,
      SchedulingQueue queue) {
    this.pods = pods;
    this.nodes = nodes;
    this.election = election;
    this.queue = queue;
  }

  @Override
  public void start() {
    nodes.start();
    pods.start();
    election.start();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    election.stop();
    queue.close();
    try {
      pods.stop();
      nodes.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
