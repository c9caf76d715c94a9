package io.kubeboot.scheduler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets only the replica holding the Lease schedule, so two replicas never bind at once. The renew
 * deadline is shorter than the lease: a leader that cannot renew stops scheduling before another
 * replica may take the lease over. Having lost it, a replica stands for election again.
 */
final class LeaderElection {

  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final SchedulerProperties.LeaderElection settings;
  private final String identity;
  private final Scheduler scheduler;
  private CompletableFuture<?> election;
  private boolean running;

  LeaderElection(KubernetesClient client, SchedulerProperties.LeaderElection settings, String identity,
      Scheduler scheduler) {
    this.client = client;
    this.settings = settings;
    this.identity = identity;
    this.scheduler = scheduler;
  }

  synchronized void start() {
    running = true;
    if (!settings.enabled()) {
      scheduler.start();
      return;
    }
    stand();
  }

  synchronized void stop() {
    running = false;
    if (election != null) {
      election.cancel(true); // with releaseOnCancel, the lease is given up for the next replica at once
    }
    scheduler.stop();
  }

  private synchronized void stand() {
    if (!running) {
      return;
    }
    election = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(settings.name())
        .withLock(new LeaseLock(settings.namespace(), settings.name(), identity))
        .withLeaseDuration(settings.leaseDuration())
        .withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod())
        .withReleaseOnCancel()
        .withLeaderCallbacks(new LeaderCallbacks(scheduler::start, scheduler::stop,
            leader -> log.info("leader is now {}", leader)))
        .build()).build().start();
    election.whenComplete((ignored, failure) -> {
      scheduler.stop();
      if (failure != null && !election.isCancelled()) {
        log.warn("leader election ended", failure);
      }
      stand();
    });
  }

  String identity() {
    return identity;
  }
}
