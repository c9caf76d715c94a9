package io.kubeboot.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | V2
      application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | V2BETA1
      application/json, */* | LEGACY
      application/json | LEGACY
      null | LEGACY
      application/json;q=0.5,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList | V2
      application/json,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList | LEGACY
      application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList | V2
      application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList | LEGACY
      not a media type | LEGACY
      """)
  void followsTheClientsFirstAcceptableChoice(String accept, DiscoveryFormat expected) {
    assertThat(DiscoveryFormat.negotiate(accept)).isEqualTo(expected);
  }
}
