package io.kubeboot.overlay.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data path of flannel's UDP backend, in two threads. Out: read a packet from the TUN device,
 * find the node owning its destination in the {@link RouteTable}, send it to that node's endpoint
 * in one datagram ({@link Encapsulation}). In: take a datagram from the underlay socket, check it
 * (well-formed, from a known peer, for a destination inside this node's subnet) and write its
 * packet to the TUN device. Anything that fails a check is dropped and counted, never sent on.
 */
public final class Overlay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Overlay.class);
  /** The largest UDP payload over IPv4. */
  private static final int MAX_DATAGRAM = 65_507;

  private final PacketDevice device;
  private final DatagramChannel underlay;
  private final RouteTable routes;
  private final OverlayMetrics metrics;
  private final Encapsulation encapsulation;
  private final Thread outbound;
  private final Thread inbound;
  private volatile boolean closed;

  /** {@code underlay} is bound to this node's endpoint and in blocking mode. */
  public Overlay(PacketDevice device, DatagramChannel underlay, RouteTable routes, OverlayMetrics metrics) {
    this.device = device;
    this.underlay = underlay;
    this.routes = routes;
    this.metrics = metrics;
    this.encapsulation = Encapsulation.of(device.prefixLength());
    this.outbound = new Thread(this::deviceToUnderlay, "overlay-out");
    this.inbound = new Thread(this::underlayToDevice, "overlay-in");
    outbound.setDaemon(true);
    inbound.setDaemon(true);
  }

  public Overlay start() {
    outbound.start();
    inbound.start();
    return this;
  }

  private void deviceToUnderlay() {
    ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    encapsulation.writeHeader(datagram);
    int header = Encapsulation.HEADER;
    int packet = encapsulation.packetOffset();
    try {
      for (int read; (read = device.read(datagram, header, MAX_DATAGRAM - header)) >= 0; ) {
        int length = read - (packet - header);
        if (!IpPacket.isIpv4(datagram, packet, length)) {
          metrics.dropped(DropReason.NOT_IPV4);
          continue;
        }
        InetSocketAddress peer = routes.lookup(IpPacket.destination(datagram, packet));
        if (peer == null) {
          metrics.dropped(DropReason.NO_ROUTE);
          continue;
        }
        datagram.limit(header + read).position(0);
        try {
          underlay.send(datagram, peer);
          metrics.sent(length);
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          metrics.dropped(DropReason.IO_ERROR);
          log.debug("send to {} failed: {}", peer, e.toString());
        }
        datagram.clear();
      }
    } catch (IOException e) {
      stopped("reading the TUN device", e);
    }
  }

  private void underlayToDevice() {
    ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    int header = Encapsulation.HEADER;
    while (true) {
      InetSocketAddress sender;
      datagram.clear();
      try {
        sender = (InetSocketAddress) underlay.receive(datagram);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        stopped("receiving from the underlay", e);
        return;
      }
      int length = datagram.position();
      DropReason rejected = check(datagram, length, sender);
      if (rejected != null) {
        metrics.dropped(rejected);
        continue;
      }
      try {
        device.write(datagram, header, length - header);
        metrics.received(length - encapsulation.packetOffset());
      } catch (IOException e) {
        if (closed) {
          return;
        }
        metrics.dropped(DropReason.IO_ERROR);
        log.debug("write to the TUN device failed: {}", e.toString());
      }
    }
  }

  /** Why a received datagram must not reach the device, or null if it may. */
  private DropReason check(ByteBuffer datagram, int length, InetSocketAddress sender) {
    if (!encapsulation.isValid(datagram, length)) {
      return DropReason.MALFORMED;
    }
    if (!routes.isPeer(sender)) {
      return DropReason.UNKNOWN_PEER;
    }
    if (!routes.localSubnet().contains(IpPacket.destination(datagram, encapsulation.packetOffset()))) {
      return DropReason.FOREIGN_DESTINATION;
    }
    return null;
  }

  private void stopped(String doing, IOException e) {
    if (!closed) {
      log.error("overlay stopped: {} failed", doing, e);
    }
  }

  /** Whether both packet loops still run: false once closed, or once one stopped on an I/O error. */
  public boolean isRunning() {
    return !closed && outbound.isAlive() && inbound.isAlive();
  }

  @Override
  public void close() {
    closed = true;
    try {
      underlay.close();
    } catch (IOException e) {
      log.debug("closing the underlay socket: {}", e.toString());
    }
    device.close();
    try {
      outbound.join(2_000);
      inbound.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
