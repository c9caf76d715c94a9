package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes on a real node agent and Docker: readiness (httpGet, tcpSocket, exec) decides a running
 * container's {@code ready}, the pod's Ready condition and so its place in the Service's Endpoints;
 * a failing liveness probe gets the container killed and restarted.
 */
class ProbesIT {

  private static final String NS = "probes";
  private static final String IMAGE = "kubeboot/busybox:latest";

  static WorkloadCluster cluster;
  static KubernetesClient client;
  static LocalNode node;

  @BeforeAll
  static void start() {
    // the reconciler builds the Endpoints, from the pods' Ready condition
    cluster = WorkloadCluster.start(NS, 1, "reconciler-service");
    client = cluster.client();
    node = cluster.node();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void anHttpReadinessProbeKeepsThePodNotReadyUntilThePageExistsAndEndpointsFollow() throws Exception {
    client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).withNewTargetPort("http").endPort()
        .endSpec().build()).create();
    // httpd answers 404 at once; the page it is probed for appears 8 s later
    String command = "mkdir -p /www; httpd -p 8080 -h /www; sleep 8; echo ok > /www/index.html; sleep 3600";
    List<String> readiness = recordReadiness("web", "Running ready=true Ready=True", () -> {
      cluster.create(webPod("web", command, "/index.html"));
      // a page that never appears: this pod stays NotReady
      cluster.create(webPod("web-broken", "mkdir -p /www; httpd -f -p 8080 -h /www", "/never.html"));
      cluster.awaitPod("web", p -> p.getStatus().getConditions().stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
    });

    assertThat(readiness).containsSubsequence("Running ready=false Ready=False", "Running ready=true Ready=True");
    String readyIp = client.pods().inNamespace(NS).withName("web").get().getStatus().getPodIP();
    Pod broken = cluster.awaitPod("web-broken", p -> "Running".equals(p.getStatus().getPhase()));
    assertThat(broken.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
      Endpoints endpoints = client.endpoints().inNamespace(NS).withName("web").get();
      assertThat(endpoints.getSubsets()).singleElement().satisfies(subset -> {
        assertThat(subset.getAddresses()).extracting(EndpointAddress::getIp).containsExactly(readyIp);
        assertThat(subset.getNotReadyAddresses()).extracting(EndpointAddress::getIp)
            .containsExactly(broken.getStatus().getPodIP());
      });
    });
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages("web", "Unhealthy")).contains("Readiness probe failed: HTTP probe failed with statuscode: 404"));
    assertThat(metrics()).anySatisfy(line -> assertThat(line).startsWith("prober_probe_total{")
        .contains("probe_type=\"Readiness\"", "result=\"failed\"", "pod=\"web\""));
  }

  @Test
  void aFailingExecLivenessProbeRestartsTheContainer() {
    cluster.create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"liveness","namespace":"%s"},"spec":{"nodeName":"%s",
         "terminationGracePeriodSeconds":1,
         "containers":[{"name":"app","image":"%s",
          "command":["sh","-c","touch /tmp/healthy; sleep 5; rm /tmp/healthy; sleep 3600"],
          "livenessProbe":{"exec":{"command":["cat","/tmp/healthy"]},"periodSeconds":1,"failureThreshold":2}}]}}
        """.formatted(NS, node.name(), IMAGE));

    Pod restarted = cluster.awaitPod("liveness", p -> !p.getStatus().getContainerStatuses().isEmpty()
        && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1);

    ContainerStatus app = restarted.getStatus().getContainerStatuses().get(0);
    assertThat(app.getLastState().getTerminated()).isNotNull();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(messages("liveness", "Unhealthy")).anySatisfy(m -> assertThat(m)
          .startsWith("Liveness probe failed: cat: can't open '/tmp/healthy'"));
      assertThat(messages("liveness", "Killing")).contains("Container app failed liveness probe, will be restarted");
    });
  }

  @Test
  void aTcpSocketReadinessProbeMakesThePodReadyOnceThePortListens() {
    List<String> readiness = recordReadiness("tcp", "Running ready=true Ready=True", () -> {
      cluster.create("""
          {"apiVersion":"v1","kind":"Pod","metadata":{"name":"tcp","namespace":"%s"},"spec":{"nodeName":"%s",
           "containers":[{"name":"app","image":"%s","command":["sh","-c","sleep 6; httpd -f -p 9000"],
            "readinessProbe":{"tcpSocket":{"port":9000},"periodSeconds":1}}]}}
          """.formatted(NS, node.name(), IMAGE));
      cluster.awaitPod("tcp", p -> p.getStatus().getContainerStatuses().stream().anyMatch(s -> Boolean.TRUE.equals(s.getReady())));
    });

    assertThat(readiness).containsSubsequence("Running ready=false Ready=False", "Running ready=true Ready=True");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages("tcp", "Unhealthy"))
        .anySatisfy(m -> assertThat(m).startsWith("Readiness probe failed: dial tcp ").contains(":9000: ")));
  }

  @Test
  void anExecProbeThatOutlivesItsTimeoutFails() {
    cluster.create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"slow","namespace":"%s"},"spec":{"nodeName":"%s",
         "containers":[{"name":"app","image":"%s","command":["sleep","3600"],
          "readinessProbe":{"exec":{"command":["sleep","5"]},"timeoutSeconds":1,"periodSeconds":2}}]}}
        """.formatted(NS, node.name(), IMAGE));

    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(messages("slow", "Unhealthy"))
        .contains("Readiness probe failed: command \"sleep 5\" timed out"));
    Pod pod = cluster.awaitPod("slow", p -> "Running".equals(p.getStatus().getPhase()));
    assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
  }

  private static String webPod(String name, String command, String path) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s","labels":{"app":"web"}},
         "spec":{"nodeName":"%s","terminationGracePeriodSeconds":1,
         "containers":[{"name":"web","image":"%s","command":["sh","-c","%s"],
          "ports":[{"name":"http","containerPort":8080}],
          "readinessProbe":{"httpGet":{"path":"%s","port":"http","httpHeaders":[{"name":"X-Probe","value":"e2e"}]},
           "periodSeconds":1}}]}}
        """.formatted(name, NS, node.name(), IMAGE, command, path);
  }

  /**
   * Every distinct (phase, container ready, Ready condition) the pod's status went through while
   * {@code action} ran and until the watch delivered {@code last}: a watch, so that a short-lived
   * state is not missed between polls.
   */
  private static List<String> recordReadiness(String pod, String last, Runnable action) {
    List<String> states = new CopyOnWriteArrayList<>();
    try (Watch watch = client.pods().inNamespace(NS).withName(pod).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod p) {
        if (p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
          return;
        }
        String ready = p.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
            .map(c -> c.getStatus()).findFirst().orElse("?");
        String state = p.getStatus().getPhase() + " ready=" + p.getStatus().getContainerStatuses().get(0).getReady()
            + " Ready=" + ready;
        if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
          states.add(state);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      action.run();
      await().atMost(Duration.ofSeconds(120)).until(() -> states.contains(last));
    }
    return states;
  }

  /** The messages of the pod's events with this reason. */
  private static List<String> messages(String pod, String reason) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> pod.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
        .map(Event::getMessage).toList();
  }

  private static List<String> metrics() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + node.port() + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body().lines().toList();
  }
}
