package io.kubeboot.overlay.tun;

import io.kubeboot.overlay.core.Encapsulation;
import io.kubeboot.overlay.core.Ipv4Subnet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the overlay's TUN device its address, MTU and the cluster route, as flannel does for
 * {@code flannel0}: the address is the first of the node's subnet, the MTU the underlay's minus
 * the encapsulation, and the whole cluster CIDR goes to the device (the node's own subnet stays on
 * its pod bridge, the more specific route). This runs iproute2's {@code ip}, the standard tool,
 * rather than hand-writing rtnetlink messages through JNA: it happens once at start-up, and
 * {@code ip} already validates and reports errors in the terms an operator knows.
 */
public final class LinkSetup {

  /**
   * Packets the kernel queues for the overlay to read (the TUN default is 500). The reader is a
   * user-space thread that the scheduler may hold back for milliseconds on a busy host; a longer
   * queue absorbs that instead of dropping segments, which TCP answers by halving its window.
   */
  static final int TX_QUEUE = 4000;

  private LinkSetup() {
  }

  /**
   * The largest segment an offloading device may hand over: what fits one UDP datagram (65,507
   * bytes) behind our header and the virtio-net header. A larger one the kernel cuts up first.
   */
  static final int GSO_MAX_SIZE = 65_507 - Encapsulation.HEADER - TunDevice.VNET_HEADER;

  public static void configure(String device, Ipv4Subnet localSubnet, int mtu, Ipv4Subnet clusterCidr,
      boolean offload) throws IOException {
    disableIpv6(device);
    if (offload) {
      ip("link", "set", "dev", device, "gso_max_size", Integer.toString(GSO_MAX_SIZE));
    }
    ip("addr", "replace", Ipv4Subnet.format(localSubnet.network()) + "/32", "dev", device);
    ip("link", "set", "dev", device, "mtu", Integer.toString(mtu), "txqueuelen", Integer.toString(TX_QUEUE), "up");
    ip("route", "replace", clusterCidr.toString(), "dev", device);
  }

  /** The overlay carries IPv4 only; without this the kernel would send IPv6 router solicitations into it. */
  private static void disableIpv6(String device) {
    Path setting = Path.of("/proc/sys/net/ipv6/conf", device, "disable_ipv6");
    try {
      Files.writeString(setting, "1");
    } catch (IOException e) {
      // no IPv6 in this kernel or namespace: nothing to disable
    }
  }

  private static void ip(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(arguments));
    HostCommand.require(command);
  }
}
