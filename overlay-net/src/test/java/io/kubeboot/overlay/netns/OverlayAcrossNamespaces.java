package io.kubeboot.overlay.netns;

import static io.kubeboot.overlay.core.TestPackets.encapsulated;
import static io.kubeboot.overlay.core.TestPackets.udpPacket;
import static io.kubeboot.overlay.netns.NamespaceHosts.in;
import static io.kubeboot.overlay.netns.NamespaceHosts.pod;
import static io.kubeboot.overlay.netns.NamespaceHosts.underlay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeboot.overlay.tun.TunDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay across real network namespaces: three hosts on a private underlay, each with a pod
 * bridge and one pod in its own subnet, each running the standalone overlay (its routes from a
 * peers file instead of the API). Needs root. Everything lives in namespaces named {@code kboit*},
 * removed afterwards and, if an earlier run crashed, before. Subclasses choose the overlay's mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OverlayAcrossNamespaces {

  private static final String PREFIX = "kboit";
  private static final Duration READY = Duration.ofSeconds(120);
  private static final Map<String, String> IN = Map.of("direction", "in");
  private static final Map<String, String> OUT = Map.of("direction", "out");

  @TempDir
  static Path work;
  private static NamespaceHosts hosts;

  /** Whether the overlays run with TCP segmentation offload. */
  abstract boolean offload();

  @BeforeAll
  void startOverlays() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    hosts = new NamespaceHosts(PREFIX, 3, root.resolve("scripts/overlay-hosts.sh"), work);
    hosts.create();
    List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"));
    for (int host = 1; host <= 3; host++) {
      hosts.startOverlay(host, java, offload());
    }
    for (int host = 1; host <= 3; host++) {
      int h = host;
      await("overlay of host " + h).atMost(READY).pollInterval(Duration.ofMillis(200)).until(() -> hosts.overlayReady(h));
    }
  }

  @AfterAll
  void removeHosts() {
    if (hosts != null) {
      hosts.printMetrics();
      hosts.close();
    }
  }

  @Test
  @Order(1)
  void podsOnDifferentHostsPingEachOther() throws IOException {
    double sentBefore = hosts.metric(1, "overlay_packets_total", OUT);
    double receivedBefore = hosts.metric(2, "overlay_packets_total", IN);

    assertPings(hosts.podNamespace(1), pod(2));
    assertPings(hosts.podNamespace(1), pod(3));
    assertPings(hosts.podNamespace(3), pod(2));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(hosts.metric(1, "overlay_packets_total", OUT)).isGreaterThanOrEqualTo(sentBefore + 6);
      assertThat(hosts.metric(2, "overlay_packets_total", IN)).isGreaterThanOrEqualTo(receivedBefore + 3);
      assertThat(hosts.metric(1, "overlay_peers", Map.of())).isEqualTo(2);
    });
  }

  @Test
  @Order(2)
  void tcpTransferBetweenPodsOnDifferentHosts() throws Exception {
    byte[] content = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(content);
    Path served = Files.createDirectories(work.resolve("www"));
    Files.write(served.resolve("blob"), content);
    Process server = new ProcessBuilder("ip", "netns", "exec", hosts.podNamespace(2), "busybox", "httpd", "-f",
        "-p", "8080", "-h", served.toString()).redirectErrorStream(true)
        .redirectOutput(work.resolve("httpd.log").toFile()).start();
    try {
      Path fetched = work.resolve("fetched");
      await("download over the overlay").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> in(hosts.podNamespace(1), "timeout", "30", "busybox", "wget", "-q", "-O", fetched.toString(),
              "http://" + pod(2) + ":8080/blob").exitCode() == 0);
      assertThat(sha256(Files.readAllBytes(fetched))).isEqualTo(sha256(content));
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(3)
  void aHostRemovedFromTheRouteTableStopsReceiving() throws IOException {
    hosts.setPeers(1, List.of(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> hosts.metric(1, "overlay_peers", Map.of()) == 1);
    double noRouteBefore = hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "no_route"));
    double host3ReceivedBefore = hosts.metric(3, "overlay_packets_total", IN);

    Command ping = in(hosts.podNamespace(1), "busybox", "ping", "-c", "3", "-W", "2", pod(3));

    assertThat(ping.exitCode()).as(ping.output()).isNotZero();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "no_route")))
        .isGreaterThanOrEqualTo(noRouteBefore + 3));
    assertThat(hosts.metric(3, "overlay_packets_total", IN)).isEqualTo(host3ReceivedBefore);
    assertPings(hosts.podNamespace(1), pod(2));

    hosts.setPeers(1, List.of(2, 3));
    await().atMost(Duration.ofSeconds(10)).until(() -> hosts.metric(1, "overlay_peers", Map.of()) == 2);
    assertPings(hosts.podNamespace(1), pod(3));
  }

  @Test
  @Order(4)
  void aMalformedDatagramIsDropped() throws IOException {
    double malformedBefore = hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "malformed"));
    double receivedBefore = settledPacketsIn(1);

    sendDatagram(hosts.hostNamespace(2), "not an overlay packet".getBytes());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "malformed")))
        .isEqualTo(malformedBefore + 1));
    assertThat(hosts.metric(1, "overlay_packets_total", IN)).isEqualTo(receivedBefore);
  }

  @Test
  @Order(5)
  void aWellFormedDatagramFromAnEndpointThatIsNoPeerIsDropped() throws IOException {
    double unknownBefore = hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "unknown_peer"));
    double receivedBefore = settledPacketsIn(1);

    // host 2's address, but not its overlay's port: the shell's /dev/udp sends from a random port
    sendDatagram(hosts.hostNamespace(2), encapsulated(udpPacket(pod(2), pod(1)), offload() ? TunDevice.VNET_HEADER : 0));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        hosts.metric(1, "overlay_dropped_packets_total", Map.of("reason", "unknown_peer")))
        .isEqualTo(unknownBefore + 1));
    assertThat(hosts.metric(1, "overlay_packets_total", IN)).isEqualTo(receivedBefore);
  }

  /** Host {@code host}'s packets-in count once earlier traffic has ended (unchanged for a second). */
  private static double settledPacketsIn(int host) {
    double[] last = {-1};
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      double previous = last[0];
      last[0] = hosts.metric(host, "overlay_packets_total", IN);
      return previous == last[0] ? last[0] : null;
    }, Objects::nonNull);
  }

  private static void assertPings(String namespace, String address) {
    Command ping = in(namespace, "busybox", "ping", "-c", "3", "-W", "5", address);
    assertThat(ping.exitCode()).as("ping %s from %s: %s", address, namespace, ping.output()).isZero();
  }

  /** Sends {@code payload} as one UDP datagram from {@code namespace} to host 1's overlay port. */
  private static void sendDatagram(String namespace, byte[] payload) throws IOException {
    Path file = Files.write(Files.createTempFile(work, "datagram", ".bin"), payload);
    in(namespace, "bash", "-c", "cat " + file + " >/dev/udp/" + underlay(1) + "/" + NamespaceHosts.PORT);
  }

  private static String sha256(byte[] content) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
