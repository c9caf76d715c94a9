package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node agent against the real Docker engine: pods bound to its node (spec.nodeName set, no
 * scheduler) run as containers, report status, serve logs through the gateway and go away on delete.
 */
class NodeAgentIT {

  private static final String NS = "node-e2e";
  private static final String IMAGE = "kubeboot/busybox:latest";

  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static LocalNode node;
  static String nodeName;
  static int agentPort;

  @BeforeAll
  static void startAgent() {
    cluster = ControlPlane.dedicated();
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
    node = LocalNode.start(cluster, "e2e-node");
    nodeName = node.name();
    agentPort = node.port();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    await().atMost(Duration.ofSeconds(30)).until(() -> client.nodes().withName(nodeName).get() != null
        && client.leases().inNamespace("kube-node-lease").withName(nodeName).get() != null);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    node.close();
    client.close();
    cluster.close();
  }

  @Test
  void registersItsNodeAsReadyWithItsKubeletPort() {
    Node node = client.nodes().withName(nodeName).get();

    assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/hostname", nodeName)
        .containsEntry("kubernetes.io/os", "linux").containsKey("kubernetes.io/arch");
    assertThat(node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(agentPort);
    assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion()).startsWith("docker://");
    assertThat(node.getStatus().getCapacity()).containsKeys("cpu", "memory", "pods");
    assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Ready");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("KubeletReady");
    });
  }

  @Test
  void tutorialPodRunsWithItsLimitsAndIsDeletedGracefully() throws Exception {
    Kubectl.Result applied = kubectl.withInput("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: tutorial
          namespace: %s
        spec:
          nodeName: %s
          containers:
          - name: web
            image: %s
            command: ["httpd", "-f", "-p", "80"]
            ports:
            - containerPort: 80
            resources:
              limits:
                memory: 128Mi
                cpu: 500m
        """.formatted(NS, nodeName, IMAGE), "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();

    Pod running = awaitPod("tutorial", p -> "Running".equals(phase(p)));
    String containerId = running.getStatus().getContainerStatuses().get(0).getContainerID().replace("docker://", "");
    String limits = docker("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}", containerId).trim();
    assertThat(limits).isEqualTo("134217728 500000000");
    String podCidr = node.podCidr();
    assertThat(running.getStatus().getPodIP()).startsWith(podCidr.substring(0, podCidr.lastIndexOf('.') + 1));
    assertThat(running.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Ready");
      assertThat(c.getStatus()).isEqualTo("True");
    });

    Kubectl.Result deleted = kubectl.run("delete", "pod", "tutorial", "-n", NS, "--grace-period=3");
    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace(NS).withName("tutorial").get() == null);
    assertThat(docker("ps", "-aq", "--filter", "label=io.kubeboot.pod.uid=" + running.getMetadata().getUid()).trim())
        .isEmpty();
    assertThat(metrics()).contains("kubelet_pod_start_duration_seconds_count").contains("kubelet_running_pods");
  }

  @Test
  void containersOfOnePodTalkOverLocalhostAndTheirLogsAreServed() {
    create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pair","namespace":"%s"},"spec":{"nodeName":"%s",
         "containers":[
          {"name":"web","image":"%s","command":["sh","-c",
           "mkdir -p /www && echo hello-from-web > /www/index.html && httpd -f -p 8080 -h /www"]},
          {"name":"client","image":"%3$s","command":["sh","-c",
           "until wget -q -O- http://localhost:8080/; do sleep 1; done; sleep 3600"]}]}}
        """.formatted(NS, nodeName, IMAGE));

    awaitPod("pair", p -> "Running".equals(phase(p)));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(kubectl.run("logs", "pair", "-n", NS, "-c", "client").out()).contains("hello-from-web"));
  }

  @Test
  void initContainersRunFirstAndInOrder() {
    create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"inits","namespace":"%s"},"spec":{"nodeName":"%s",
         "volumes":[{"name":"work","emptyDir":{}}],
         "initContainers":[
          {"name":"first","image":"%s","command":["sh","-c","echo init-1 >> /work/order"],
           "volumeMounts":[{"name":"work","mountPath":"/work"}]},
          {"name":"second","image":"%3$s","command":["sh","-c","sleep 1; echo init-2 >> /work/order"],
           "volumeMounts":[{"name":"work","mountPath":"/work"}]}],
         "containers":[{"name":"app","image":"%3$s","command":["sh","-c","cat /work/order; sleep 3600"],
           "env":[{"name":"GREETING","value":"hi"}],
           "volumeMounts":[{"name":"work","mountPath":"/work"}]}]}}
        """.formatted(NS, nodeName, IMAGE));

    Pod running = awaitPod("inits", p -> "Running".equals(phase(p)));
    assertThat(running.getStatus().getInitContainerStatuses()).allSatisfy(s ->
        assertThat(s.getState().getTerminated().getReason()).isEqualTo("Completed"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(kubectl.run("logs", "inits", "-n", NS).out()).isEqualTo("init-1\ninit-2\n"));
  }

  @Test
  void aMissingImageWaitsInImagePullBackOff() {

    // every status the agent writes, in order: a poll could miss the short-lived ErrImagePull
    List<String> reasons = new CopyOnWriteArrayList<>();
    try (Watch watch = client.pods().inNamespace(NS).withName("missing").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        String reason = waitingReason(pod);
        if (reason != null && (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(reason))) {
          reasons.add(reason);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      create("""
          {"apiVersion":"v1","kind":"Pod","metadata":{"name":"missing","namespace":"%s"},"spec":{"nodeName":"%s",
           "containers":[{"name":"app","image":"kubeboot/does-not-exist:latest"}]}}
          """.formatted(NS, nodeName));
      await().atMost(Duration.ofSeconds(60)).until(() -> reasons.contains("ImagePullBackOff"));
    }
    assertThat(reasons).containsSubsequence("ErrImagePull", "ImagePullBackOff");
  }

  @Test
  void aCrashingContainerBacksOffWithRestartsCounted() {
    create("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"crasher","namespace":"%s"},"spec":{"nodeName":"%s",
         "containers":[{"name":"app","image":"%s","command":["sh","-c","echo crashing; exit 3"]}]}}
        """.formatted(NS, nodeName, IMAGE));

    Pod crashing = awaitPod("crasher", p -> "CrashLoopBackOff".equals(waitingReason(p))
        && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1);
    ContainerStatus status = crashing.getStatus().getContainerStatuses().get(0);
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(kubectl.run("logs", "crasher", "-n", NS, "--previous").out()).contains("crashing");
  }

  private static void create(String json) {
    client.pods().inNamespace(NS).resource(client.getKubernetesSerialization().unmarshal(json, Pod.class)).create();
  }

  private static Pod awaitPod(String name, Predicate<Pod> condition) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> client.pods().inNamespace(NS).withName(name).get(), p -> p != null && condition.test(p));
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static String waitingReason(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses().isEmpty()) {
      return null;
    }
    var waiting = pod.getStatus().getContainerStatuses().get(0).getState().getWaiting();
    return waiting == null ? null : waiting.getReason();
  }

  private static String metrics() throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + agentPort + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String docker(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return LocalNode.host(command.toArray(String[]::new));
  }
}
