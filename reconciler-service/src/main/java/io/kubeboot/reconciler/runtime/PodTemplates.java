package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * A new pod of a controller, as upstream's {@code GetPodFromTemplate}: the template's labels,
 * annotations, finalizers and spec, in the owner's namespace, controlled by it, named
 * {@code <owner>-<5 chars>}. Controllers that name or place their pods themselves edit the result.
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
