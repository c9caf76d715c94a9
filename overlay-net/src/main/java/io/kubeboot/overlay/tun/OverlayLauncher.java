package io.kubeboot.overlay.tun;

import io.kubeboot.overlay.core.Encapsulation;
import io.kubeboot.overlay.core.Overlay;
import io.kubeboot.overlay.core.OverlayMetrics;
import io.kubeboot.overlay.core.OverlaySettings;
import io.kubeboot.overlay.core.RouteTable;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node's overlay on a real TUN device in the current network namespace. */
public final class OverlayLauncher {

  private static final Logger log = LoggerFactory.getLogger(OverlayLauncher.class);
  private static final int FALLBACK_MTU = 1500;

  private OverlayLauncher() {
  }

  public static Overlay start(OverlaySettings settings, RouteTable routes, OverlayMetrics metrics) throws IOException {
    int underlayMtu = settings.underlayMtu() > 0 ? settings.underlayMtu() : underlayMtu(settings);
    TunDevice device = TunDevice.open(settings.device());
    DatagramChannel underlay = null;
    try {
      int mtu = Encapsulation.innerMtu(underlayMtu);
      LinkSetup.configure(device.name(), routes.localSubnet(), mtu, routes.clusterCidr());
      underlay = DatagramChannel.open(StandardProtocolFamily.INET).bind(settings.endpoint());
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
