package io.kubeboot.reconciler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The controllers' settings ({@code kubeboot.reconciler.*}).
 *
 * @param workers workers per controller
 * @param resyncPeriod how often informers re-list, so that every object is looked at again
 * @param kubernetesServiceIp the ClusterIP of {@code default/kubernetes}: the first of the service range
 * @param leaderElection the Lease only whose holder runs controllers
 */
@ConfigurationProperties("kubeboot.reconciler")
record ReconcilerProperties(
    @DefaultValue("2") int workers,
    @DefaultValue("5m") Duration resyncPeriod,
    @DefaultValue("10.96.0.1") String kubernetesServiceIp,
    @DefaultValue LeaderElection leaderElection) {

  record LeaderElection(
      @DefaultValue("kube-system") String namespace,
      @DefaultValue("kube-controller-manager") String name,
      @DefaultValue("15s") Duration leaseDuration,
      @DefaultValue("10s") Duration renewDeadline,
      @DefaultValue("2s") Duration retryPeriod) {
  }
}
