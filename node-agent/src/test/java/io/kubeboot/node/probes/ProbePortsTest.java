package io.kubeboot.node.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

class ProbePortsTest {

  private final Container container = new ContainerBuilder().withName("web")
      .addNewPort().withName("http").withContainerPort(8080).endPort().build();

  @Test
  void aNumberIsThePort() {
    assertThat(ProbePorts.resolve(new IntOrString(9090), container)).isEqualTo(9090);
    assertThat(ProbePorts.resolve(new IntOrString("9090"), container)).isEqualTo(9090);
  }

  @Test
  void aNameIsLookedUpInTheContainersPorts() {
    assertThat(ProbePorts.resolve(new IntOrString("http"), container)).isEqualTo(8080);
  }

  @Test
  void anUnknownNameIsAnError() {
    assertThatThrownBy(() -> ProbePorts.resolve(new IntOrString("admin"), container))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("couldn't find port: admin");
  }
}
