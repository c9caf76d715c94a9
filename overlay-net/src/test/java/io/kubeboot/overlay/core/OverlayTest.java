package io.kubeboot.overlay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static io.kubeboot.overlay.core.TestPackets.encapsulated;
import static io.kubeboot.overlay.core.TestPackets.udpPacket;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two overlays joined by real UDP sockets on loopback, each over an in-memory packet device. */
class OverlayTest {

  private static final Ipv4Subnet CLUSTER = Ipv4Subnet.parse("10.244.0.0/16");
  private final MemoryDevice deviceA = new MemoryDevice();
  private final MemoryDevice deviceB = new MemoryDevice();
  private RouteTable routesA;
  private RouteTable routesB;
  private OverlayMetrics metricsA;
  private OverlayMetrics metricsB;
  private Overlay overlayA;
  private Overlay overlayB;
  private InetSocketAddress endpointB;

  @BeforeEach
  void start() throws IOException {
    DatagramChannel socketA = bound();
    DatagramChannel socketB = bound();
    InetSocketAddress endpointA = (InetSocketAddress) socketA.getLocalAddress();
    endpointB = (InetSocketAddress) socketB.getLocalAddress();
    routesA = new RouteTable(CLUSTER, Ipv4Subnet.parse("10.244.1.0/24"));
    routesB = new RouteTable(CLUSTER, Ipv4Subnet.parse("10.244.2.0/24"));
    routesA.put(Ipv4Subnet.parse("10.244.2.0/24"), endpointB);
    routesB.put(Ipv4Subnet.parse("10.244.1.0/24"), endpointA);
    metricsA = new OverlayMetrics(new SimpleMeterRegistry(), routesA::peerCount);
    metricsB = new OverlayMetrics(new SimpleMeterRegistry(), routesB::peerCount);
    overlayA = new Overlay(deviceA, socketA, routesA, metricsA).start();
    overlayB = new Overlay(deviceB, socketB, routesB, metricsB).start();
  }

  @AfterEach
  void stop() {
    overlayA.close();
    overlayB.close();
  }

  @Test
  void aPacketForAPeersSubnetReachesThatPeersDeviceUnchanged() throws Exception {
    byte[] packet = udpPacket("10.244.1.5", "10.244.2.9");

    deviceA.toRead.add(packet);

    assertThat(deviceB.written.poll(10, TimeUnit.SECONDS)).isEqualTo(packet);
  }

  @Test
  void aPacketForAnUnknownSubnetIsDroppedAndCounted() throws Exception {
    deviceA.toRead.add(udpPacket("10.244.1.5", "10.244.7.9"));
    deviceA.toRead.add(new byte[] {0x60, 0, 0, 0}); // IPv6

    await().atMost(Duration.ofSeconds(10)).until(() -> metricsA.dropCount(DropReason.NO_ROUTE) == 1
        && metricsA.dropCount(DropReason.NOT_IPV4) == 1);
    assertThat(deviceB.written.poll(500, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aDatagramWithoutTheHeaderIsDroppedAsMalformed() throws Exception {
    sendFromStranger(udpPacket("10.244.1.5", "10.244.2.9")); // flannel's header-less format

    await().atMost(Duration.ofSeconds(10)).until(() -> metricsB.dropCount(DropReason.MALFORMED) == 1);
    assertThat(deviceB.written).isEmpty();
  }

  @Test
  void aWellFormedDatagramFromAnEndpointOutsideTheRouteTableIsDropped() throws Exception {
    sendFromStranger(encapsulated(udpPacket("10.244.1.5", "10.244.2.9")));

    await().atMost(Duration.ofSeconds(10)).until(() -> metricsB.dropCount(DropReason.UNKNOWN_PEER) == 1);
    assertThat(deviceB.written).isEmpty();
  }

  @Test
  void aPacketFromAPeerForAnotherSubnetIsDropped() throws Exception {
    // A believes B owns 10.244.3.0/24 as well; B only accepts its own subnet
    routesA.put(Ipv4Subnet.parse("10.244.3.0/24"), endpointB);

    deviceA.toRead.add(udpPacket("10.244.1.5", "10.244.3.9"));

    await().atMost(Duration.ofSeconds(10)).until(() -> metricsB.dropCount(DropReason.FOREIGN_DESTINATION) == 1);
    assertThat(deviceB.written).isEmpty();
  }

  @Test
  void withOffloadTheDevicesHeaderTravelsWithThePacketAndPlainDatagramsAreRefused() throws Exception {
    MemoryDevice offloadingA = new MemoryDevice(10);
    MemoryDevice offloadingB = new MemoryDevice(10);
    DatagramChannel socketA = bound();
    DatagramChannel socketB = bound();
    RouteTable routes = new RouteTable(CLUSTER, Ipv4Subnet.parse("10.244.1.0/24"));
    routes.put(Ipv4Subnet.parse("10.244.2.0/24"), (InetSocketAddress) socketB.getLocalAddress());
    RouteTable routesOfB = new RouteTable(CLUSTER, Ipv4Subnet.parse("10.244.2.0/24"));
    routesOfB.put(Ipv4Subnet.parse("10.244.1.0/24"), (InetSocketAddress) socketA.getLocalAddress());
    OverlayMetrics metricsOfB = new OverlayMetrics(new SimpleMeterRegistry(), routesOfB::peerCount);
    try (Overlay a = new Overlay(offloadingA, socketA, routes, new OverlayMetrics(new SimpleMeterRegistry(),
        routes::peerCount)).start();
        Overlay b = new Overlay(offloadingB, socketB, routesOfB, metricsOfB).start()) {
      byte[] packet = udpPacket("10.244.1.5", "10.244.2.9");
      byte[] prefixed = new byte[10 + packet.length];
      prefixed[0] = 1; // VIRTIO_NET_HDR_F_NEEDS_CSUM, as the kernel would set it
      System.arraycopy(packet, 0, prefixed, 10, packet.length);

      offloadingA.toRead.add(prefixed);

      assertThat(offloadingB.written.poll(10, TimeUnit.SECONDS)).isEqualTo(prefixed);
      try (DatagramChannel stranger = bound()) {
        stranger.send(ByteBuffer.wrap(encapsulated(packet)), socketB.getLocalAddress());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> metricsOfB.dropCount(DropReason.MALFORMED) == 1);
    }
  }

  private void sendFromStranger(byte[] payload) throws IOException {
    try (DatagramChannel stranger = bound()) {
      stranger.send(ByteBuffer.wrap(payload), endpointB);
    }
  }

  private static DatagramChannel bound() throws IOException {
    return DatagramChannel.open(StandardProtocolFamily.INET)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }
}
