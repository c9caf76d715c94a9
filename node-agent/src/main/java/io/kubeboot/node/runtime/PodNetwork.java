package io.kubeboot.node.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The node's pod subnet ({@code 10.244.1.0/24}) and the address the pods reach the node on. */
public record PodNetwork(String subnet, String gateway) {

  /** The subnet's gateway, or the engine's default for a bridge without one: the subnet's first address. */
  static PodNetwork of(String subnet, String gateway) {
    if (gateway != null && !gateway.isEmpty()) {
      return new PodNetwork(subnet, gateway);
    }
    try {
      byte[] address = InetAddress.getByName(subnet.substring(0, subnet.indexOf('/'))).getAddress();
      address[address.length - 1] |= 1;
      return new PodNetwork(subnet, InetAddress.getByAddress(address).getHostAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not a subnet: " + subnet, e);
    }
  }
}
