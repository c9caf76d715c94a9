package io.kubeboot.overlay.tun;

import io.kubeboot.overlay.core.Encapsulation;
import io.kubeboot.overlay.core.Overlay;
import io.kubeboot.overlay.core.OverlayMetrics;
import io.kubeboot.overlay.core.OverlaySettings;
import io.kubeboot.overlay.core.RouteTable;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node's overlay on a real TUN device in the current network namespace. */
public final class OverlayLauncher {

  private static final Logger log = LoggerFactory.getLogger(OverlayLauncher.class);
  private static final int FALLBACK_MTU = 1500;
  /**
   * Room for bursts while the receiving thread is busy (the kernel caps it at net.core.rmem_max):
   * a datagram dropped here is a lost TCP segment inside, and TCP halves its window for it.
   */
  private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

  private OverlayLauncher() {
  }

  public static Overlay start(OverlaySettings settings, RouteTable routes, OverlayMetrics metrics) throws IOException {
    int underlayMtu = settings.underlayMtu() > 0 ? settings.underlayMtu() : underlayMtu(settings);
    TunDevice device = TunDevice.open(settings.device(), settings.offload());
    DatagramChannel underlay = null;
    try {
      int mtu = Encapsulation.innerMtu(underlayMtu);
      LinkSetup.configure(device.name(), routes.localSubnet(), mtu, routes.clusterCidr(), settings.offload());
      underlay = DatagramChannel.open(StandardProtocolFamily.INET)
          .setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER)
          .setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER)
          .bind(settings.endpoint());
      log.info("overlay up: {} (MTU {}) for {}, subnet {}, underlay {}", device.name(), mtu, routes.clusterCidr(),
          routes.localSubnet(), settings.endpoint());
      return new Overlay(device, underlay, routes, metrics).start();
    } catch (IOException | RuntimeException e) {
      if (underlay != null) {
        underlay.close();
      }
      device.close();
      throw e;
    }
  }

  private static int underlayMtu(OverlaySettings settings) throws IOException {
    NetworkInterface link = NetworkInterface.getByInetAddress(settings.endpoint().getAddress());
    return link == null ? FALLBACK_MTU : link.getMTU();
  }
}
