package io.kubeboot.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kubeboot.scheduler.*}.
 *
 * @param schedulerName the {@code spec.schedulerName} this scheduler serves (pods naming none are served too)
 * @param resyncPeriod how often the informers re-list pods and nodes
 * @param maxRequestsInFlight how many bindings, events and status patches may be outstanding at once
 * @param leaderElection who may schedule, when several replicas run
 */
@ConfigurationProperties("kubeboot.scheduler")
record SchedulerProperties(String schedulerName, Duration resyncPeriod, int maxRequestsInFlight,
    LeaderElection leaderElection) {

  SchedulerProperties {
    schedulerName = schedulerName == null || schedulerName.isBlank() ? "default-scheduler" : schedulerName;
    resyncPeriod = resyncPeriod == null ? Duration.ofMinutes(5) : resyncPeriod;
    maxRequestsInFlight = maxRequestsInFlight <= 0 ? 64 : maxRequestsInFlight;
    leaderElection = leaderElection == null ? new LeaderElection(true, null, null, null, null, null, null)
        : leaderElection;
  }

  /** Upstream's defaults: a Lease kube-system/kube-scheduler, 15 s lease, 10 s renew deadline, 2 s retry. */
  record LeaderElection(@DefaultValue("true") boolean enabled, String namespace, String name, String identity, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod) {

    LeaderElection {
      namespace = namespace == null ? "kube-system" : namespace;
      name = name == null ? "kube-scheduler" : name;
      leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
      renewDeadline = renewDeadline == null ? Duration.ofSeconds(10) : renewDeadline;
      retryPeriod = retryPeriod == null ? Duration.ofSeconds(2) : retryPeriod;
    }
  }
}
