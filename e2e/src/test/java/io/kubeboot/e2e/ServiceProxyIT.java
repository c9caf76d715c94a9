package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node agent's service proxy with the real kubectl, Docker and iptables: a Deployment of two
 * busybox httpd pods exposed as a NodePort Service is reached on the node's address and nodePort
 * (both pods in turn) and on its ClusterIP from a pod on the node; scaled to zero it answers no
 * more, and deleting the Service closes its port. The node has an address and pod subnet of its
 * own, so other ITs on the host are not in the way. The tests run in order on one Service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceProxyIT {

  private static final String NS = "proxy-e2e";
  private static final String IMAGE = "kubeboot/busybox:latest";
  private static final String PAGE = "hello from";

  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static LocalNode node;
  static int nodePort;
  static String clusterIp;

  @BeforeAll
  static void exposeADeployment() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("scheduler-service", Map.of());
    cluster.startComponent("reconciler-service", Map.of());
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
    node = LocalNode.start(cluster, "proxy-node");
    node.awaitReady(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();

    succeeds(kubectl.run("create", "deployment", "web", "-n", NS, "--image=" + IMAGE, "--replicas=2", "--",
        "sh", "-c", "mkdir -p /www && echo \"" + PAGE + " $(hostname)\" > /www/index.html && exec httpd -f -p 80 -h /www"));
    succeeds(kubectl.run("expose", "deployment", "web", "-n", NS, "--type=NodePort", "--port=80"));

    Service service = client.services().inNamespace(NS).withName("web").get();
    nodePort = service.getSpec().getPorts().get(0).getNodePort();
    clusterIp = service.getSpec().getClusterIP();
    await().atMost(Duration.ofSeconds(120)).until(() -> readyEndpoints() == 2);
  }

  @AfterAll
  static void cleanUp() {
    try {
      if (node != null) {
        node.close(); // stops the node agent, which removes its nat chain, then removes its containers
        assertNoChainLeft();
      }
    } finally {
      if (client != null) {
        client.close();
      }
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static void assertNoChainLeft() {
    String chain = chainOf(node.name());
    boolean leftBehind = LocalNode.run("iptables", "-w", "10", "-t", "nat", "-S", chain).exitCode() == 0;
    if (leftBehind) {
      for (String hook : new String[] {"PREROUTING", "OUTPUT"}) {
        LocalNode.host("iptables", "-w", "10", "-t", "nat", "-D", hook, "-m", "comment", "--comment",
            "kubeboot service portals", "-j", chain);
      }
      LocalNode.host("iptables", "-w", "10", "-t", "nat", "-F", chain);
      LocalNode.host("iptables", "-w", "10", "-t", "nat", "-X", chain);
    }
    assertThat(leftBehind).as("nat chain %s left behind by the stopped agent", chain).isFalse();
  }

  @Test
  @Order(1)
  void theNodePortReachesBothReadyPodsInTurn() throws IOException {
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> httpGet(node.address(), nodePort).contains(PAGE));

    Set<String> pages = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      pages.add(body(httpGet(node.address(), nodePort)));
    }

    assertThat(pages).hasSize(2).allSatisfy(page -> assertThat(page).startsWith(PAGE));
    assertThat(metrics()).contains("kubeproxy_sync_proxy_rules_duration_seconds_count")
        .containsPattern("kubeproxy_service_connections_total\\{[^}]*outcome=\"proxied\"[^}]*service=\"web\"");
  }

  @Test
  @Order(2)
  void theClusterIpReachesThePodsFromAPodOnTheNode() {
    assertThat(LocalNode.host("iptables", "-w", "10", "-t", "nat", "-S", chainOf(node.name()))).containsPattern(
        "-s " + Pattern.quote(node.podCidr()) + " -d " + Pattern.quote(clusterIp + "/32")
            + " -p tcp .*--dport 80 -j DNAT --to-destination ");

    // busybox's wget crashes in this static build, so the client speaks HTTP through nc
    succeeds(kubectl.run("run", "client", "-n", NS, "--image=" + IMAGE, "--restart=Never", "--", "sh", "-c",
        "until printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 " + clusterIp + " 80 | grep '" + PAGE + "'; "
            + "do sleep 1; done"));

    await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
        assertThat(kubectl.run("logs", "client", "-n", NS).out()).contains(PAGE));
  }

  @Test
  @Order(3)
  void withoutReadyEndpointsConnectionsAreClosedUnanswered() {
    succeeds(kubectl.run("scale", "deployment", "web", "-n", NS, "--replicas=0"));
    await().atMost(Duration.ofSeconds(120)).until(() -> readyEndpoints() == 0);

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .untilAsserted(() -> assertThat(httpGet(node.address(), nodePort)).isEmpty());
  }

  @Test
  @Order(4)
  void deletingTheServiceClosesItsPortAndRule() {
    Kubectl.Result deleted = kubectl.run("delete", "service", "-l", "app=web", "-n", NS);
    assertThat(deleted.out()).as(deleted.toString()).contains("service \"web\" deleted");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThatThrownBy(() -> httpGet(node.address(), nodePort)).isInstanceOf(ConnectException.class));
    assertThat(LocalNode.host("iptables", "-w", "10", "-t", "nat", "-S", chainOf(node.name()))).doesNotContain(clusterIp);
  }

  private static void succeeds(Kubectl.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }

  private static long readyEndpoints() {
    return client.resources(EndpointSlice.class).inNamespace(NS).withLabel("kubernetes.io/service-name", "web")
        .list().getItems().stream().flatMap(s -> s.getEndpoints() == null ? java.util.stream.Stream.empty()
            : s.getEndpoints().stream())
        .filter(e -> e.getConditions() != null && Boolean.TRUE.equals(e.getConditions().getReady())).count();
  }

  /** The whole reply to one HTTP/1.0 GET on a new connection: what {@code curl} would get; empty if closed unanswered. */
  private static String httpGet(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: web\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String body(String reply) {
    return reply.substring(reply.indexOf("\r\n\r\n") + 4).strip();
  }

  private static String metrics() {
    return LocalNode.host("curl", "-sS", "http://127.0.0.1:" + node.port() + "/actuator/prometheus");
  }

  /** The node's nat chain, named as the agent names it: a hash of the node name, so nodes on one host differ. */
  private static String chainOf(String nodeName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(nodeName.getBytes(StandardCharsets.UTF_8));
      return "KUBEBOOT-SVC-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
