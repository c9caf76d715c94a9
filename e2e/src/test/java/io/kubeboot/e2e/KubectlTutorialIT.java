package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Kubernetes basics tutorial's API commands, with the real kubectl 1.33 (which sends
 * protobuf for {@code create}) against the gateway and resource-service. The steps build on one
 * another, as the tutorial does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlTutorialIT {

  static ControlPlane cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void cluster() {
    cluster = ControlPlane.get();
    kubectl = Kubectl.version("1.33", cluster);
  }

  @Test
  @Order(1)
  void versionAndClusterInfo() {
    Kubectl.Result version = kubectl.run("version");
    Kubectl.Result info = kubectl.run("cluster-info");

    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.out()).contains("Server Version: v1.33");
    assertThat(info.exitCode()).as(info.toString()).isZero();
    assertThat(info.out()).contains("Kubernetes control plane is running at " + cluster.apiUrl());
  }

  @Test
  @Order(2)
  void createAndGetADeployment() {
    Kubectl.Result created = kubectl.run("create", "deployment", "ang", "--image=kubeboot/busybox:latest");
    Kubectl.Result deployments = kubectl.run("get", "deployments");
    Kubectl.Result wide = kubectl.run("get", "deployments", "-o", "wide");
    Kubectl.Result pods = kubectl.run("get", "pods");
    Kubectl.Result nodes = kubectl.run("get", "nodes");

    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.out()).contains("deployment.apps/ang created");
    assertThat(deployments.out()).contains("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE").contains("ang");
    assertThat(wide.out()).contains("CONTAINERS", "IMAGES", "SELECTOR", "kubeboot/busybox:latest", "app=ang");
    assertThat(pods.exitCode()).as(pods.toString()).isZero();
    assertThat(nodes.exitCode()).as(nodes.toString()).isZero();
  }

  @Test
  @Order(3)
  void describeADeployment() {
    Kubectl.Result described = kubectl.run("describe", "deployment", "ang");

    assertThat(described.exitCode()).as(described.toString()).isZero();
    assertThat(described.out()).contains("Name:", "ang", "Selector:", "app=ang", "kubeboot/busybox:latest",
        "RollingUpdate");
  }

  @Test
  @Order(4)
  void exposeAsNodePortAllocatesClusterIpAndNodePort() {
    Kubectl.Result exposed = kubectl.run("expose", "deployment/ang", "--type=NodePort", "--port", "8080");
    Kubectl.Result service = kubectl.run("get", "service", "ang", "-o", "jsonpath={.spec.clusterIP} {.spec.ports[0].nodePort}");
    Kubectl.Result listed = kubectl.run("get", "services", "-l", "app=ang");
    Kubectl.Result described = kubectl.run("describe", "services/ang");

    assertThat(exposed.exitCode()).as(exposed.toString()).isZero();
    assertThat(exposed.out()).contains("service/ang exposed");
    String[] allocated = service.out().trim().split(" ");
    assertThat(allocated[0]).startsWith("10.");
    assertThat(Integer.parseInt(allocated[1])).isBetween(30000, 32767);
    assertThat(listed.out()).contains("TYPE", "CLUSTER-IP", "PORT(S)").contains("NodePort")
        .contains("8080:" + allocated[1] + "/TCP");
    assertThat(described.exitCode()).as(described.toString()).isZero();
    assertThat(described.out()).contains("NodePort:", allocated[1]);
  }

  @Test
  @Order(5)
  void labelScaleAndSetImage() {
    Kubectl.Result labelled = kubectl.run("label", "services", "ang", "version=v1");
    Kubectl.Result scaled = kubectl.run("scale", "deployments/ang", "--replicas=4");
    Kubectl.Result imaged = kubectl.run("set", "image", "deployments/ang", "busybox=kubeboot/busybox:v2");
    Kubectl.Result state = kubectl.run("get", "deployment", "ang", "-o",
        "jsonpath={.spec.replicas} {.metadata.generation} {.spec.template.spec.containers[0].image}");
    Kubectl.Result labels = kubectl.run("get", "service", "ang", "-o", "jsonpath={.metadata.labels.version}");

    assertThat(labelled.out()).as(labelled.toString()).contains("service/ang labeled");
    assertThat(scaled.out()).as(scaled.toString()).contains("deployment.apps/ang scaled");
    assertThat(imaged.out()).as(imaged.toString()).contains("deployment.apps/ang image updated");
    assertThat(state.out()).isEqualTo("4 3 kubeboot/busybox:v2");
    assertThat(labels.out()).isEqualTo("v1");
  }

  @Test
  @Order(6)
  void deleteServiceBySelector() {
    Kubectl.Result deleted = kubectl.run("delete", "service", "-l", "app=ang");
    Kubectl.Result after = kubectl.run("get", "services", "-l", "app=ang");

    assertThat(deleted.out()).as(deleted.toString()).contains("service \"ang\" deleted");
    assertThat(after.err()).contains("No resources found in default namespace.");
  }

  @Test
  @Order(7)
  void applyAPodManifestThenReapplyAChange() {
    Kubectl.Result created = kubectl.withInput(pod("web"), "apply", "-f", "-");
    Kubectl.Result reapplied = kubectl.withInput(pod("frontend"), "apply", "-f", "-");
    Kubectl.Result yaml = kubectl.run("get", "pod", "nginx-pod", "-o", "yaml");
    Kubectl.Result described = kubectl.run("describe", "pod", "nginx-pod");

    assertThat(created.out()).as(created.toString()).contains("pod/nginx-pod created");
    assertThat(reapplied.out()).as(reapplied.toString()).contains("pod/nginx-pod configured");
    assertThat(yaml.out()).contains("tier: frontend", "memory: 128Mi", "cpu: 500m", "containerPort: 80",
        "kubectl.kubernetes.io/last-applied-configuration");
    assertThat(described.exitCode()).as(described.toString()).isZero();
    assertThat(described.out()).contains("Name:", "nginx-pod", "Status:", "Pending", "Limits:", "memory:  128Mi",
        "QoS Class:", "Guaranteed");
  }

  @Test
  @Order(8)
  void strictApplyRejectsAnUnknownField() {
    Kubectl.Result rejected = kubectl.withInput(pod("web").replace("    ports:", "    colour: blue\n    ports:"),
        "apply", "-f", "-");

    assertThat(rejected.exitCode()).isNotZero();
    assertThat(rejected.err()).contains("strict decoding error", "unknown field");
  }

  @Test
  @Order(9)
  void watchSeesLaterChanges() throws Exception {
    Process watch = kubectl.start("get", "pods", "-w");
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).contains("NAME", "READY", "STATUS");
      assertThat(lines.readLine()).contains("nginx-pod");
      CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
        try {
          return lines.readLine();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      });
      kubectl.run("label", "pod", "nginx-pod", "watched=yes");
      assertThat(next.get(20, TimeUnit.SECONDS)).contains("nginx-pod");
    } finally {
      watch.destroy();
    }
  }

  @Test
  @Order(10)
  void deleteAnUnboundPodAtOnce() {
    Kubectl.Result deleted = kubectl.run("delete", "pod", "nginx-pod");
    Kubectl.Result gone = kubectl.run("get", "pod", "nginx-pod");

    assertThat(deleted.out()).as(deleted.toString()).contains("pod \"nginx-pod\" deleted");
    assertThat(gone.err()).contains("NotFound");
  }

  static String pod(String tier) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: nginx-pod
          labels:
            app: nginx
            tier: %s
        spec:
          containers:
          - name: nginx
            image: kubeboot/busybox:latest
            command: ["httpd", "-f", "-p", "80"]
            resources:
              limits:
                memory: "128Mi"
                cpu: "500m"
            ports:
            - containerPort: 80
        """.formatted(tier);
  }
}
