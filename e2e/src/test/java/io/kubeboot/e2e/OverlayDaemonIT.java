package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The overlay daemon (the packaged overlay-net) driven by the API: two hosts in network namespaces
 * (scripts/overlay-hosts.sh, prefix {@code kboe}), each running the daemon for its Node. The daemons
 * take their subnets from the Nodes' spec.podCIDR, publish their endpoints on them, and follow Node
 * changes. Needs root. To reach the API, the hosts get a link into this namespace (10.254.254.0/24,
 * its end here removed with the namespaces) and send 127.0.0.1:port there, the address the API's
 * certificate names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlayDaemonIT {

  private static final String PREFIX = "kboe";
  private static final String API_LINK = PREFIX + "-api";
  private static final String API_ADDRESS = "10.254.254.254";
  private static final int ACTUATOR_PORT = 10260;
  private static final Path ROOT = Path.of(System.getProperty("kubeboot.root", "..")).toAbsolutePath().normalize();
  private static final Path HOSTS = ROOT.resolve("scripts/overlay-hosts.sh");

  static ControlPlane cluster;
  static KubernetesClient client;
  static final List<Process> daemons = new ArrayList<>();

  @BeforeAll
  static void startDaemons() throws IOException {
    run("bash", HOSTS.toString(), "up", PREFIX, "2");
    cluster = ControlPlane.dedicated();
    client = cluster.newClient();
    int apiPort = Integer.parseInt(cluster.apiUrl().replaceFirst(".*:", ""));
    run("ip", "link", "add", API_LINK, "type", "veth", "peer", "name", "api", "netns", PREFIX + "ul");
    run("ip", "addr", "add", API_ADDRESS + "/24", "dev", API_LINK);
    run("ip", "link", "set", API_LINK, "up");
    run("ip", "-n", PREFIX + "ul", "link", "set", "api", "master", "br0", "up");
    for (int n = 1; n <= 2; n++) {
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node(n)).endMetadata()
          .withNewSpec().withPodCIDR("10.66." + n + ".0/24").endSpec().build()).create();
      String host = PREFIX + "h" + n;
      run("ip", "-n", host, "addr", "add", "10.254.254." + n + "/24", "dev", "eth0");
      run("ip", "netns", "exec", host, "sysctl", "-qw", "net.ipv4.conf.all.route_localnet=1");
      run("ip", "netns", "exec", host, "iptables", "-t", "nat", "-A", "OUTPUT", "-d", "127.0.0.1/32", "-p", "tcp",
          "--dport", Integer.toString(apiPort), "-j", "DNAT", "--to-destination", API_ADDRESS + ":" + apiPort);
      run("ip", "netns", "exec", host, "iptables", "-t", "nat", "-A", "POSTROUTING", "-d", API_ADDRESS + "/32",
          "-j", "MASQUERADE");
      daemons.add(startDaemon(n));
    }
  }

  private static Process startDaemon(int n) throws IOException {
    Path jar = ROOT.resolve("overlay-net/target/overlay-net-" + System.getProperty("kubeboot.version") + ".jar");
    ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", PREFIX + "h" + n, "java", "-Xmx192m",
        "-jar", jar.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(cluster.work().resolve("overlay-" + n + ".log").toFile()));
    builder.environment().putAll(java.util.Map.of(
        "KUBEBOOT_API_URL", cluster.apiUrl(),
        "KUBEBOOT_API_TOKEN", cluster.adminToken(),
        "KUBEBOOT_NODE_NAME", node(n),
        "KUBEBOOT_NODE_ADDRESS", "172.30.0." + n,
        "KUBEBOOT_CLUSTER_CIDR", "10.66.0.0/16",
        "KUBEBOOT_OVERLAY_DEVICE", PREFIX + "0",
        "KUBEBOOT_PORT", Integer.toString(ACTUATOR_PORT)));
    return builder.start();
  }

  @AfterAll
  static void stop() {
    daemons.forEach(Process::destroy);
    for (Process daemon : daemons) {
      try {
        if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
          daemon.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // removes the namespaces, and with them the API link's end in this namespace
    run("bash", HOSTS.toString(), "down", PREFIX);
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String node(int n) {
    return PREFIX + "-" + n;
  }

  @Test
  @Order(1)
  void eachDaemonPublishesItsEndpointOnItsNode() {
    for (int n = 1; n <= 2; n++) {
      String name = node(n);
      String address = "172.30.0." + n;
      await("annotations of " + name).atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
        Node node = client.nodes().withName(name).get();
        assertThat(node.getMetadata().getAnnotations())
            .containsEntry("overlay.kubeboot.io/public-ip", address)
            .containsEntry("overlay.kubeboot.io/port", "8285")
            .containsEntry("overlay.kubeboot.io/backend-type", "udp");
      });
    }
  }

  @Test
  @Order(2)
  void podsOnTheTwoNodesReachEachOther() {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> ping(1, "10.66.2.2") && ping(2, "10.66.1.2"));
    assertThat(metric(1, "overlay_peers")).isEqualTo(1);
    assertThat(actuator(1, "health")).contains("\"overlay\":{\"details\":{").contains("\"state\":\"running\"");
    assertThat(metric(2, "overlay_packets_total\\{application=\"overlay-net\",direction=\"in\"}")).isPositive();
  }

  @Test
  @Order(3)
  void aDeletedNodeLeavesTheRouteTableAndARecreatedOneComesBack() {
    client.nodes().withName(node(2)).delete();
    await().atMost(Duration.ofSeconds(60)).until(() -> metric(1, "overlay_peers") == 0);
    double noRoute = metric(1, "overlay_dropped_packets_total\\{application=\"overlay-net\",reason=\"no_route\"}");
    assertThat(ping(1, "10.66.2.2")).isFalse();
    await().atMost(Duration.ofSeconds(30)).until(() -> metric(1,
        "overlay_dropped_packets_total\\{application=\"overlay-net\",reason=\"no_route\"}") > noRoute);

    // node-2's daemon publishes its endpoint again on the new Node
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node(2)).endMetadata()
        .withNewSpec().withPodCIDR("10.66.2.0/24").endSpec().build()).create();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> ping(1, "10.66.2.2"));
    assertThat(metric(1, "overlay_peers")).isEqualTo(1);
  }

  private static boolean ping(int fromHost, String address) {
    return run(false, "ip", "netns", "exec", PREFIX + "p" + fromHost, "busybox", "ping", "-c", "2", "-W", "3", address)
        .exitCode() == 0;
  }

  /** One sample of host {@code host}'s daemon's /actuator/prometheus (a regex of the name and labels). */
  private static double metric(int host, String sample) {
    String scrape = actuator(host, "prometheus");
    Matcher matcher = Pattern.compile("(?m)^" + sample + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
    assertThat(matcher.find()).as("%s in %s", sample, scrape).isTrue();
    return Double.parseDouble(matcher.group(2));
  }

  private static String actuator(int host, String endpoint) {
    return run(true, "ip", "netns", "exec", PREFIX + "h" + host, "curl", "-fsS", "-m", "10",
        "http://127.0.0.1:" + ACTUATOR_PORT + "/actuator/" + endpoint).output();
  }

  private static void run(String... command) {
    run(true, command);
  }

  private record Result(int exitCode, String output) {
  }

  private static Result run(boolean check, String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      if (check && process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
