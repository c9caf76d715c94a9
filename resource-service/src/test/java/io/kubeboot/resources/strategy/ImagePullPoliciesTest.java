package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePullPoliciesTest {

  @ParameterizedTest
  @CsvSource({
      "junebao/ang, Always",
      "nginx:latest, Always",
      "nginx:1.27, IfNotPresent",
      "registry.local:5000/team/app, Always",
      "registry.local:5000/team/app:v2, IfNotPresent",
      "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
      "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, Always",
      "kubeboot/busybox:latest, Always",
      "Not/Valid/UPPER, IfNotPresent",
      "'', IfNotPresent"})
  void defaultFollowsTheTag(String image, String policy) {
    assertThat(ImagePullPolicies.defaultFor(image)).isEqualTo(policy);
  }
}
