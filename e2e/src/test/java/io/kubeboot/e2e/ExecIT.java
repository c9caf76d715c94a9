package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kubectl exec} with the real kubectl 1.33 (WebSocket, {@code v5.channel.k8s.io}) through
 * the gateway to a real node agent and Docker: output, exit codes, stdin to the end, stderr, a
 * terminal, the refusals kubectl prints; and {@code kubectl attach} to a container's output.
 */
class ExecIT {

  private static final String NS = "exec-e2e";
  private static final String POD = "shell";
  private static final String TICKER = "ticker";
  private static final String IMAGE = "kubeboot/busybox:latest";

  static ControlPlane cluster;
  static KubernetesClient client;
  static Kubectl kubectl;
  static LocalNode node;

  @BeforeAll
  static void runAPod() {
    cluster = ControlPlane.dedicated();
    cluster.startComponent("scheduler-service", Map.of());
    client = cluster.newClient();
    kubectl = Kubectl.version("1.33", cluster);
    node = LocalNode.start(cluster, "exec-node");
    node.awaitReady(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    succeeds(kubectl.run("run", POD, "-n", NS, "--image=" + IMAGE, "--restart=Never", "--", "sh", "-c",
        "echo ready > /tmp/marker && exec sleep 3600"));
    succeeds(kubectl.run("run", TICKER, "-n", NS, "--image=" + IMAGE, "--restart=Never", "--", "sh", "-c",
        "while true; do echo tick; sleep 1; done"));
    for (String name : List.of(POD, TICKER)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        Pod pod = client.pods().inNamespace(NS).withName(name).get();
        return pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
      });
    }
  }

  @AfterAll
  static void cleanUp() {
    if (node != null) {
      node.close(); // first: a running agent would recreate the containers it removes
    }
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theHostnameIsThePodsName() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "hostname");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().trim()).isEqualTo(POD);
  }

  @Test
  void printsTheCommandsOutputAndExitsZero() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "echo", "hello");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("hello\n");
  }

  @Test
  void runsInThePodsContainer() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "cat", "/tmp/marker");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("ready\n");
  }

  @Test
  void exitsWithTheCommandsExitCode() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "sh", "-c", "exit 3");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
  }

  @Test
  void sendsStderrToStderr() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "sh", "-c", "echo out; echo oops >&2");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("out\n");
    assertThat(result.err()).contains("oops");
  }

  @Test
  void passesStdinUntilItEnds() {
    Kubectl.Result result = kubectl.withInput("abc", "exec", "-i", POD, "-n", NS, "--", "cat");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("abc");
  }

  @Test
  void aMissingBinaryFailsAsTheRuntimeReportsIt() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "--", "no-such-binary");

    assertThat(result.exitCode()).as(result.toString()).isIn(126, 127);
    assertThat(result.out() + result.err()).contains("no-such-binary");
  }

  @Test
  void refusesAnUnknownContainer() {
    Kubectl.Result result = kubectl.run("exec", POD, "-n", NS, "-c", "nope", "--", "true");

    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    assertThat(result.err()).contains("container nope is not valid for pod " + POD);
  }

  @Test
  void refusesAnUnknownPod() {
    Kubectl.Result result = kubectl.run("exec", "ghost", "-n", NS, "--", "true");

    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    assertThat(result.err()).contains("pods \"ghost\" not found");
  }

  @Test
  void runsAnInteractiveShellOnATerminalOfTheClientsSize() {
    // kubectl sends the size alongside the typed input, so the shell waits until the size has come
    String typed = "tty; until [ -n \"$(stty size 2>/dev/null)\" ]; do sleep 0.1; done; stty size; echo $((6 * 7))\n"
        + "exit 5\n";
    Kubectl.Result result = kubectl.inTerminal(33, 101, typed,
        "exec", "-ti", POD, "-n", NS, "--", "sh");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
    assertThat(result.out()).contains("/dev/pts/").contains("33 101").contains("42");
  }

  @Test
  void olderKubectlAskingForSpdyIsToldWhy() {
    Kubectl.Result result = Kubectl.version("1.27", cluster).run("exec", POD, "-n", NS, "--", "true");

    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    assertThat(result.err()).contains("SPDY is not supported");
  }

  @Test
  @Timeout(120) // a guard against a hang, not a measure: the reads below block
  void attachFollowsTheContainersOutput() throws Exception {
    Process attach = kubectl.start("attach", TICKER, "-n", NS);
    try (BufferedReader output = new BufferedReader(new InputStreamReader(attach.getInputStream(), StandardCharsets.UTF_8))) {
      // kubectl's own notice ("If you don't see a command prompt...") comes on the same stream
      List<String> lines = new ArrayList<>();
      while (lines.stream().filter("tick"::equals).count() < 2) {
        String line = output.readLine();
        assertThat(line).as("output so far: " + lines).isNotNull();
        lines.add(line);
      }
      assertThat(lines).allMatch(line -> line.equals("tick") || line.contains("command prompt"));
    } finally {
      attach.destroyForcibly();
    }
  }

  @Test
  void anExecWithoutACommandIsABadRequest() throws Exception {
    HttpResponse<String> reply = Tls.trustingClient().send(
        HttpRequest.newBuilder(URI.create(cluster.apiUrl() + "/api/v1/namespaces/" + NS + "/pods/" + POD
            + "/exec?stdout=true")).header("Authorization", "Bearer " + cluster.adminToken()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("\"kind\":\"Status\"").contains("\"reason\":\"BadRequest\"")
        .contains("you must specify at least one command for the container");
  }

  @Test
  void anExecThatIsNoUpgradeIsABadRequest() throws Exception {
    HttpResponse<String> reply = Tls.trustingClient().send(
        HttpRequest.newBuilder(URI.create(cluster.apiUrl() + "/api/v1/namespaces/" + NS + "/pods/" + POD
            + "/exec?command=true&stdout=true")).header("Authorization", "Bearer " + cluster.adminToken()).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("Upgrade request required");
  }

  private static void succeeds(Kubectl.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
  }
}
