package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kubectl 1.27 sends JSON where 1.33 sends protobuf; both must work. Where 1.27 is not bundled the
 * kubectl on the PATH runs instead (see {@link Kubectl#version}), so this test always runs.
 */
class OlderKubectlIT {

  static Kubectl kubectl;

  @BeforeAll
  static void cluster() {
    kubectl = Kubectl.version("1.27", ControlPlane.get());
  }

  @Test
  void createScaleAndGetWithKubectl127() {
    Kubectl.Result created = kubectl.run("create", "deployment", "old-client", "--image=kubeboot/busybox:latest");
    Kubectl.Result scaled = kubectl.run("scale", "deployment/old-client", "--replicas=2");
    Kubectl.Result listed = kubectl.run("get", "deployment", "old-client");
    Kubectl.Result configmap = kubectl.run("create", "configmap", "old-cm", "--from-literal=a=b");

    assertThat(created.out()).as(created.toString()).contains("deployment.apps/old-client created");
    assertThat(scaled.out()).as(scaled.toString()).contains("deployment.apps/old-client scaled");
    assertThat(listed.out()).contains("old-client");
    assertThat(configmap.out()).as(configmap.toString()).contains("configmap/old-cm created");
  }
}
