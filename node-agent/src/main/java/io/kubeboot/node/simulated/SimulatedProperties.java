package io.kubeboot.node.simulated;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated runtime ({@code kubeboot.node.simulated.*}): how many fake nodes this process
 * hosts (0, the default, runs the real Docker-backed agent instead) and what each offers.
 *
 * @param leaseRenewal how often each node renews its Lease, the kubelet's heartbeat
 * @param statusReport how often each node posts its full status when nothing changed (upstream: 5 min)
 * @param workers threads writing pod status
 */
@ConfigurationProperties("kubeboot.node.simulated")
public record SimulatedProperties(
    @DefaultValue("0") int nodes,
    @DefaultValue("sim-node") String namePrefix,
    @DefaultValue("32") String cpu,
    @DefaultValue("256Gi") String memory,
    @DefaultValue("110") int maxPods,
    @DefaultValue("10s") Duration leaseRenewal,
    @DefaultValue("5m") Duration statusReport,
    @DefaultValue("8") int workers) {

  public String nodeName(int index) {
    return namePrefix + "-" + index;
  }
}
