package io.kubeboot.node.simulated;

import io.kubeboot.node.NodeProperties;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fake node: who it is (as the real agent's {@link NodeProperties}, so the Node object and its
 * status are built by the same code), since when it is Ready, and the pod IPs it handed out. A few
 * hundred bytes, so one process hosts thousands.
 */
final class SimulatedNode {

  private final NodeProperties properties;
  private final Instant readySince;
  private final Map<String, String> podIps = new ConcurrentHashMap<>();
  private volatile String podCidr;
  private int nextHost = 2;

  SimulatedNode(NodeProperties properties, Instant readySince) {
    this.properties = properties;
    this.readySince = readySince;
  }

  NodeProperties properties() {
    return properties;
  }

  String name() {
    return properties.name();
  }

  Instant readySince() {
    return readySince;
  }

  String podCidr() {
    return podCidr;
  }

  void podCidr(String podCidr) {
    this.podCidr = podCidr;
  }

  /**
   * The pod's IP in the node's podCIDR (a /24 or wider: hosts .2 to .254 of its first /24, reused
   * round-robin), stable for the pod's life; the node address when the node has no podCIDR yet.
   */
  String podIp(String podUid) {
    String cidr = podCidr;
    if (cidr == null || cidr.isEmpty()) {
      return properties.address();
    }
    return podIps.computeIfAbsent(podUid, uid -> {
      String base = cidr.substring(0, cidr.lastIndexOf('.'));
      synchronized (this) {
        int host = nextHost;
        nextHost = nextHost >= 254 ? 2 : nextHost + 1;
        return base + "." + host;
      }
    });
  }

  void forget(String podUid) {
    podIps.remove(podUid);
  }
}
