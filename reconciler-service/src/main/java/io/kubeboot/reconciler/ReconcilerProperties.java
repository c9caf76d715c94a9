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
 * @param clusterCidr the pod network, carved into one subnet per node
 * @param nodeCidrMaskSize the prefix length of each node's subnet
 * @param nodeMonitorGracePeriod how long a node may stay silent before its Ready condition is Unknown
 * @param loadBalancer where LoadBalancer Services get their addresses
 */
@ConfigurationProperties("kubeboot.reconciler")
record ReconcilerProperties(
    @DefaultValue("2") int workers,
    @DefaultValue("5m") Duration resyncPeriod,
    @DefaultValue("10.96.0.1") String kubernetesServiceIp,
    @DefaultValue LeaderElection leaderElection,
    @DefaultValue("10.244.0.0/16") String clusterCidr,
    @DefaultValue("24") int nodeCidrMaskSize,
    @DefaultValue("40s") Duration nodeMonitorGracePeriod,
    @DefaultValue LoadBalancer loadBalancer) {

  record LeaderElection(
      @DefaultValue("kube-system") String namespace,
      @DefaultValue("kube-controller-manager") String name,
      @DefaultValue("15s") Duration leaseDuration,
      @DefaultValue("10s") Duration renewDeadline,
      @DefaultValue("2s") Duration retryPeriod) {
  }

  /**
   * @param pool the addresses to hand out ({@code KUBEBOOT_RECONCILER_LOADBALANCER_POOL}): CIDRs,
   *     ranges {@code first-last} or single addresses, comma-separated
   */
  record LoadBalancer(@DefaultValue("172.18.255.200-172.18.255.250") String pool) {
  }
}
