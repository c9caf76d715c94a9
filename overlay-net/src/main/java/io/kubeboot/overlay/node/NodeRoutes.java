package io.kubeboot.overlay.node;

import io.fabric8.kubernetes.api.model.Node;
import io.kubeboot.overlay.core.Ipv4Subnet;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a Node tells the overlay where its pods are: its subnet is {@code spec.podCIDR} (set by the
 * control plane's node IPAM), its underlay endpoint two annotations its own overlay daemon
 * publishes, as flannel's {@code flannel.alpha.coreos.com/public-ip}. They are kubeboot's names
 * rather than flannel's because the datagrams differ (kubeboot's carry a header, see
 * {@code Encapsulation}): a flannel daemon reading flannel's names would send what this overlay drops.
 */
public final class NodeRoutes {

  /** The node's underlay address. */
  public static final String PUBLIC_IP = "overlay.kubeboot.io/public-ip";
  /** The UDP port of the node's overlay. */
  public static final String PORT = "overlay.kubeboot.io/port";
  /** Always {@code udp}, as flannel's {@code backend-type}. */
  public static final String BACKEND_TYPE = "overlay.kubeboot.io/backend-type";

  private NodeRoutes() {
  }

  /** The route to every node but {@code self} that has a subnet and published its endpoint. */
  public static Map<Ipv4Subnet, InetSocketAddress> of(Collection<Node> nodes, String self) {
    Map<Ipv4Subnet, InetSocketAddress> routes = new LinkedHashMap<>();
    for (Node node : nodes) {
      if (!self.equals(node.getMetadata().getName())) {
        route(node).ifPresent(route -> routes.put(route.getKey(), route.getValue()));
      }
    }
    return routes;
  }

  /** The node's subnet and endpoint, if it has both and both parse. */
  static Optional<Map.Entry<Ipv4Subnet, InetSocketAddress>> route(Node node) {
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    String cidr = podCidr(node);
    if (annotations == null || cidr == null || !annotations.containsKey(PUBLIC_IP) || !annotations.containsKey(PORT)) {
      return Optional.empty();
    }
    try {
      int address = Ipv4Subnet.address(annotations.get(PUBLIC_IP));
      int port = Integer.parseInt(annotations.get(PORT));
      if (port < 1 || port > 65_535) {
        return Optional.empty();
      }
      return Optional.of(Map.entry(Ipv4Subnet.parse(cidr), new InetSocketAddress(Ipv4Subnet.format(address), port)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a node with unusable data gets no route, and so no traffic
    }
  }

  /** {@code spec.podCIDR}, or null while the node has none. */
  static String podCidr(Node node) {
    String cidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
    return cidr == null || cidr.isBlank() ? null : cidr;
  }

  /** The annotations this node's daemon publishes. */
  static Map<String, String> annotations(String publicIp, int port) {
    return Map.of(PUBLIC_IP, publicIp, PORT, Integer.toString(port), BACKEND_TYPE, "udp");
  }
}
