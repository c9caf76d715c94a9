package io.kubeboot.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import org.junit.jupiter.api.Test;

class TemplateHashTest {

  @Test
  void theHashLabelAndEmptyCollectionsDoNotChangeTheHash() {
    PodTemplateSpec plain = template("kubeboot/busybox:latest").build();
    PodTemplateSpec labelled = template("kubeboot/busybox:latest").editMetadata()
        .addToLabels(TemplateHash.LABEL, "abc").addToAnnotations(java.util.Map.of()).endMetadata().build();

    assertThat(TemplateHash.of(labelled, 0)).isEqualTo(TemplateHash.of(plain, 0));
    assertThat(TemplateHash.sameTemplate(plain, labelled)).isTrue();
  }

  @Test
  void anotherImageOrACollisionGivesAnotherHashInTheSafeAlphabet() {
    String latest = TemplateHash.of(template("kubeboot/busybox:latest").build(), 0);

    assertThat(TemplateHash.of(template("kubeboot/busybox:v2").build(), 0)).isNotEqualTo(latest);
    assertThat(TemplateHash.of(template("kubeboot/busybox:latest").build(), 1)).isNotEqualTo(latest);
    assertThat(latest).matches("[bcdfghjklmnpqrstvwxz2456789]+");
  }

  private static PodTemplateSpecBuilder template(String image) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("busybox").withImage(image).endContainer().endSpec();
  }
}
