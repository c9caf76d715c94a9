package io.kubeboot.reconciler.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.kubeboot.reconciler.runtime.Owners;

/**
 * A new pod of a controller (ReplicaSet, Job, ...): the template's labels, annotations and spec,
 * named {@code <owner>-<5 chars>}, controlled by the owner.
 */
public final class PodTemplates {

  private PodTemplates() {
  }

  public static Pod podFor(HasMetadata owner, PodTemplateSpec template) {
    ObjectMetaBuilder metadata = new ObjectMetaBuilder()
        .withGenerateName(owner.getMetadata().getName() + "-")
        .withNamespace(owner.getMetadata().getNamespace())
        .withOwnerReferences(Owners.controllerReference(owner));
    if (template.getMetadata() != null) {
      metadata.withLabels(template.getMetadata().getLabels()).withAnnotations(template.getMetadata().getAnnotations())
          .withFinalizers(template.getMetadata().getFinalizers());
    }
    return new PodBuilder().withMetadata(metadata.build()).withSpec(template.getSpec()).build();
  }
}
