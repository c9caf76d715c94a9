package io.kubeboot.node.pods;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeboot.node.runtime.ContainerSpec;
import io.kubeboot.node.runtime.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSpecsTest {

  private final Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("default")
      .withUid("u-1").endMetadata().build();

  @Test
  void limitsBecomeDockerMemoryBytesAndNanoCpus() {
    assertThat(ContainerSpecs.memoryBytes(new Quantity("128Mi"))).isEqualTo(134_217_728L);
    assertThat(ContainerSpecs.nanoCpus(new Quantity("500m"))).isEqualTo(500_000_000L);
    assertThat(ContainerSpecs.nanoCpus(new Quantity("2"))).isEqualTo(2_000_000_000L);
    assertThat(ContainerSpecs.memoryBytes(null)).isNull();
  }

  @Test
  void commandIsTheEntrypointArgsTheCmdAndTheAppJoinsTheSandbox() {
    Container container = new ContainerBuilder().withName("app").withImage("busybox").withCommand("sh", "-c")
        .withArgs("echo hi").addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
        .withNewResources().addToLimits("memory", new Quantity("64Mi")).endResources().build();

    ContainerSpec spec = ContainerSpecs.app(pod, container, 2, "n1", "sandbox-id", List.of("A=1"), Path.of("/v"));

    assertThat(spec.name()).isEqualTo("k8s_app_web_default_u-1_2");
    assertThat(spec.entrypoint()).containsExactly("sh", "-c");
    assertThat(spec.cmd()).containsExactly("echo hi");
    assertThat(spec.networkMode()).isEqualTo("container:sandbox-id");
    assertThat(spec.binds()).containsExactly("/v/data:/data");
    assertThat(spec.memoryBytes()).isEqualTo(67_108_864L);
    assertThat(spec.labels()).containsEntry(Labels.POD_UID, "u-1").containsEntry(Labels.ATTEMPT, "2");
  }

  @Test
  void backOffDoublesFromTenSecondsUpToFiveMinutes() {
    assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.after(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(Backoff.after(50)).isEqualTo(Duration.ofMinutes(5));
  }
}
