package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Leader election with a Lease, as kube-controller-manager's: only the holder of
 * {@code kube-system/kube-controller-manager} runs controllers, so two replicas never act at once.
 * Losing the lease ends the process, as upstream does: a controller that may have missed its
 * successor's writes cannot safely go on, and a restart starts it from a clean cache.
 */
public final class Leadership implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);

  private final KubernetesClient client;
  private final ControllerManager manager;
  private final LeaderElectionProperties properties;
  private final String identity;
  private CompletableFuture<?> election;

  public record LeaderElectionProperties(String namespace, String name, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod) {
  }

  public Leadership(KubernetesClient client, ControllerManager manager, LeaderElectionProperties properties,
      String identity) {
    this.client = client;
    this.manager = manager;
    this.properties = properties;
    this.identity = identity;
  }

  @Override
  public synchronized void start() {
    LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(properties.name())
        .withLock(new LeaseLock(properties.namespace(), properties.name(), identity))
        .withLeaseDuration(properties.leaseDuration())
        .withRenewDeadline(properties.renewDeadline())
        .withRetryPeriod(properties.retryPeriod())
        .withLeaderCallbacks(new LeaderCallbacks(this::lead, this::lost, leader -> log.info("leader is {}", leader)))
        .build()).build();
    election = elector.start();
  }

  private void lead() {
    log.info("{} acquired lease {}/{}", identity, properties.namespace(), properties.name());
    // starting waits for the caches to sync; the elector's thread must stay free to renew the lease
    Thread starter = new Thread(this::startControllers, "controllers-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startControllers() {
    try {
      manager.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("controllers failed to start", e);
      exit();
    }
  }

  private void lost() {
    if (election != null && !election.isCancelled()) {
      log.error("{} lost lease {}/{}; exiting", identity, properties.namespace(), properties.name());
      exit();
    }
  }

  private static void exit() {
    new Thread(() -> System.exit(1), "leader-lost-exit").start();
  }

  @Override
  public synchronized void stop() {
    if (election != null) {
      CompletableFuture<?> running = election;
      election = null;
      running.cancel(true);
      try {
        manager.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return election != null;
  }
}
