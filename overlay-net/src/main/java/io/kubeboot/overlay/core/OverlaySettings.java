package io.kubeboot.overlay.core;

import java.net.InetSocketAddress;

/**
 * One node's overlay: the TUN device's name, the underlay endpoint it binds and publishes (its
 * public address and UDP port; peers must send from it, so it is bound explicitly rather than on
 * the wildcard address), the underlay MTU (0: that of the interface holding the address), and
 * whether the TUN device offloads TCP segmentation (see {@code TunDevice#open}; every node of a
 * cluster must agree, their datagrams differ).
 */
public record OverlaySettings(String device, InetSocketAddress endpoint, int underlayMtu, boolean offload) {

  /** flannel's UDP backend port. */
  public static final int DEFAULT_PORT = 8285;
}
