package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LoadBalancer Services get addresses from the reconciler's pool, MetalLB-style, through the real
 * kubectl: one each and never one twice, the requested one when it is in the pool, pending with
 * an {@code AllocationFailed} event once the pool is exhausted, given back when a Service is
 * deleted or changes type, and kept through resyncs and a restart of the reconciler.
 */
class LoadBalancerIT {

  static final String NS = "lb";
  static final String POOL = "172.18.255.200-172.18.255.202";
  /** Resyncs every few seconds, so that the addresses are seen to stay through many of them. */
  static final Map<String, String> RECONCILER = Map.of("KUBEBOOT_RECONCILER_LOADBALANCER_POOL", POOL,
      "KUBEBOOT_RECONCILER_RESYNC_PERIOD", "3s");
  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static int reconciler;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    reconciler = cluster.startComponent("reconciler-service", RECONCILER);
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  @Test
  void addressesComeFromThePoolOnceEachAndGoBackWhenAServiceIsDeletedOrChangesType() {
    kubectl.run("-n", NS, "create", "service", "loadbalancer", "web-a", "--tcp=80:8080").assertSucceeded();
    String a = awaitAddress("web-a");
    kubectl.run("-n", NS, "create", "service", "loadbalancer", "web-b", "--tcp=80:8080").assertSucceeded();
    String b = awaitAddress("web-b");
    kubectl.withInput(withLoadBalancerIp("web-c", "172.18.255.202"), "-n", NS, "apply", "-f", "-").assertSucceeded();
    String c = awaitAddress("web-c");
    assertThat(List.of(a, b, c)).containsExactly("172.18.255.200", "172.18.255.201", "172.18.255.202");
    Service web = client.services().inNamespace(NS).withName("web-a").get();
    assertThat(web.getStatus().getLoadBalancer().getIngress().get(0).getIpMode()).isEqualTo("VIP");
    int nodePort = web.getSpec().getPorts().get(0).getNodePort();
    Kubectl.Result listed = kubectl.run("-n", NS, "get", "service", "web-a");
    assertThat(listed.out()).as(listed.toString())
        .containsPattern("web-a\\s+LoadBalancer\\s+\\S+\\s+" + a.replace(".", "\\.") + "\\s+80:" + nodePort + "/TCP");

    // the pool is exhausted: the next one waits, with the reason on the Service
    kubectl.run("-n", NS, "create", "service", "loadbalancer", "web-d", "--tcp=80:8080").assertSucceeded();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(events("web-d", "AllocationFailed")).isNotEmpty());
    assertThat(events("web-d", "AllocationFailed").get(0).getMessage())
        .isEqualTo("Failed to allocate IP for \"lb/web-d\": no available IPs");
    assertThat(events("web-d", "AllocationFailed").get(0).getType()).isEqualTo("Warning");
    assertThat(kubectl.run("-n", NS, "get", "service", "web-d").out()).contains("<pending>");
    Kubectl.Result described = kubectl.run("-n", NS, "describe", "service", "web-d");
    assertThat(described.out()).as(described.toString()).containsPattern("Warning\\s+AllocationFailed");

    // a NodePort Service has no load balancer: web-b's status is cleared and web-d gets its address
    kubectl.run("-n", NS, "patch", "service", "web-b", "-p", "{\"spec\":{\"type\":\"NodePort\"}}").assertSucceeded();
    assertThat(awaitAddress("web-d")).isEqualTo(b);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(client.services().inNamespace(NS).withName("web-b").get().getStatus().getLoadBalancer()
            .getIngress()).isNullOrEmpty());

    // a deleted Service's address goes to the next one
    kubectl.run("-n", NS, "delete", "service", "web-a").assertSucceeded();
    kubectl.run("-n", NS, "create", "service", "loadbalancer", "web-e", "--tcp=80:8080").assertSucceeded();
    assertThat(awaitAddress("web-e")).isEqualTo(a);

    // a restarted reconciler rebuilds the allocation from the Services: nobody moves, nothing is given twice
    cluster.stopComponent(reconciler);
    reconciler = cluster.startComponent("reconciler-service", RECONCILER);
    kubectl.run("-n", NS, "create", "service", "loadbalancer", "web-f", "--tcp=80:8080").assertSucceeded();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
        assertThat(events("web-f", "AllocationFailed")).isNotEmpty());
    assertThat(addresses()).containsExactlyInAnyOrderEntriesOf(Map.of("web-c", c, "web-d", b, "web-e", a));
    for (String name : List.of("web-a", "web-b", "web-c", "web-d", "web-e")) {
      assertThat(events(name, "IPAllocated")).as("allocations of " + name).hasSize(1);
    }
    assertThat(client.services().inNamespace(NS).withName("web-f").get().getStatus().getLoadBalancer()
        .getIngress()).isNullOrEmpty();
  }

  @Test
  void aRequestedAddressOutsideThePoolIsRefusedWithAnEvent() {
    kubectl.withInput(withLoadBalancerIp("outside", "10.20.30.40"), "-n", NS, "apply", "-f", "-").assertSucceeded();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(events("outside", "AllocationFailed")).extracting(Event::getMessage)
            .contains("Failed to allocate IP for \"lb/outside\": [\"10.20.30.40\"] is not allowed in config"));
    assertThat(client.services().inNamespace(NS).withName("outside").get().getStatus().getLoadBalancer()
        .getIngress()).isNullOrEmpty();
    kubectl.run("-n", NS, "delete", "service", "outside").assertSucceeded();
  }

  private static String withLoadBalancerIp(String name, String ip) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
        spec:
          type: LoadBalancer
          loadBalancerIP: %s
          selector:
            app: %s
          ports:
          - port: 80
            targetPort: 8080
        """.formatted(name, ip, name);
  }

  /** The address a Service shows once it has one, as {@code kubectl get -o jsonpath} prints it. */
  private static String awaitAddress(String name) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> kubectl.run("-n", NS, "get", "service", name, "-o",
            "jsonpath={.status.loadBalancer.ingress[*].ip}").out().trim(), ip -> !ip.isEmpty());
  }

  private static Map<String, String> addresses() {
    Map<String, String> addresses = new java.util.TreeMap<>();
    for (Service service : client.services().inNamespace(NS).list().getItems()) {
      if (service.getStatus().getLoadBalancer() != null && service.getStatus().getLoadBalancer().getIngress() != null
          && !service.getStatus().getLoadBalancer().getIngress().isEmpty()) {
        addresses.put(service.getMetadata().getName(),
            service.getStatus().getLoadBalancer().getIngress().get(0).getIp());
      }
    }
    return addresses;
  }

  private static List<Event> events(String service, String reason) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> service.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())).toList();
  }
}
