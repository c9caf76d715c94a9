package io.kubeboot.reconciler.replicaset;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubeboot.reconciler.runtime.Owners;

/** A new pod of a ReplicaSet: the template's labels, annotations and spec, named {@code <rs>-<5 chars>}. */
final class PodTemplates {

  private PodTemplates() {
  }

  static Pod podFor(ReplicaSet rs) {
    PodTemplateSpec template = rs.getSpec().getTemplate();
    ObjectMetaBuilder metadata = new ObjectMetaBuilder()
        .withGenerateName(rs.getMetadata().getName() + "-")
        .withNamespace(rs.getMetadata().getNamespace())
        .withOwnerReferences(Owners.controllerReference(rs));
    if (template.getMetadata() != null) {
      metadata.withLabels(template.getMetadata().getLabels()).withAnnotations(template.getMetadata().getAnnotations())
          .withFinalizers(template.getMetadata().getFinalizers());
    }
    return new PodBuilder().withMetadata(metadata.build()).withSpec(template.getSpec()).build();
  }
}
