package io.kubeboot.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadyEndpointsTest {

  private static EndpointSliceBuilder slice(String addressType) {
    return new EndpointSliceBuilder().withNewMetadata().withName("web-abc").withNamespace("default")
        .addToLabels(ServiceProxy.SERVICE_NAME_LABEL, "web").endMetadata().withAddressType(addressType);
  }

  @Test
  void readyAndUnsetEndpointsCountNotReadyOnesDoNot() {
    EndpointSlice slice = slice("IPv4")
        .addNewPort().withName("http").withPort(8080).withProtocol("TCP").endPort()
        .addNewEndpoint().withAddresses("10.244.1.3").withNewConditions().withReady(true).endConditions().endEndpoint()
        .addNewEndpoint().withAddresses("10.244.1.2").endEndpoint()
        .addNewEndpoint().withAddresses("10.244.1.4").withNewConditions().withReady(false).endConditions().endEndpoint()
        .build();

    assertThat(ReadyEndpoints.of("http", "TCP", List.of(slice))).containsExactly(
        new ServiceEndpoint("10.244.1.2", 8080), new ServiceEndpoint("10.244.1.3", 8080));
  }

  @Test
  void theTargetPortIsTheSlicePortOfTheSameNameAndProtocol() {
    EndpointSlice slice = slice("IPv4")
        .addNewPort().withName("http").withPort(8080).withProtocol("TCP").endPort()
        .addNewPort().withName("metrics").withPort(9090).endPort()
        .addNewPort().withName("dns").withPort(53).withProtocol("UDP").endPort()
        .addNewEndpoint().withAddresses("10.244.1.2").endEndpoint()
        .build();

    assertThat(ReadyEndpoints.of("metrics", "TCP", List.of(slice))).containsExactly(
        new ServiceEndpoint("10.244.1.2", 9090));
    assertThat(ReadyEndpoints.of("dns", "TCP", List.of(slice))).isEmpty();
    assertThat(ReadyEndpoints.of("", "TCP", List.of(slice))).isEmpty();
  }

  @Test
  void anUnnamedPortMatchesTheUnnamedSlicePortAndSlicesAreMerged() {
    EndpointSlice first = slice("IPv4").addNewPort().withPort(80).endPort()
        .addNewEndpoint().withAddresses("10.244.1.2").endEndpoint().build();
    EndpointSlice second = slice("IPv4").addNewPort().withName("").withPort(80).endPort()
        .addNewEndpoint().withAddresses("10.244.2.7").endEndpoint()
        .addNewEndpoint().withAddresses("10.244.1.2").endEndpoint().build();
    EndpointSlice ipv6 = slice("IPv6").addNewPort().withPort(80).endPort()
        .addNewEndpoint().withAddresses("fd00::7").endEndpoint().build();

    assertThat(ReadyEndpoints.of("", "TCP", List.of(first, second, ipv6))).containsExactly(
        new ServiceEndpoint("10.244.1.2", 80), new ServiceEndpoint("10.244.2.7", 80));
  }
}
