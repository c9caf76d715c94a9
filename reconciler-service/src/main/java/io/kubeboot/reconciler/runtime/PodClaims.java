package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code PodControllerRefManager.ClaimPods}: of the candidate pods, the ones an owner
 * controls, after adopting the orphans its selector matches (never while the owner is being
 * deleted, and never a pod another controller controls).
 */
public final class PodClaims {

  private final KubernetesClient client;

  public PodClaims(KubernetesClient client) {
    this.client = client;
  }

  public List<Pod> claim(HasMetadata owner, io.fabric8.kubernetes.api.model.LabelSelector selector,
      List<Pod> candidates) {
    LabelSelector matcher = LabelSelector.of(selector);
    List<Pod> owned = new ArrayList<>();
    for (Pod pod : candidates) {
      if (Owners.controlledBy(pod, owner)) {
        owned.add(pod);
      } else if (Owners.controllerOf(pod).isEmpty() && owner.getMetadata().getDeletionTimestamp() == null
          && pod.getMetadata().getDeletionTimestamp() == null && matcher.matches(labels(pod))) {
        owned.add(adopt(owner, pod));
      }
    }
    return owned;
  }

  /** Whether an orphan is one {@code owner} would adopt: a hint to queue the owner when the pod appears. */
  public static boolean wouldAdopt(io.fabric8.kubernetes.api.model.LabelSelector selector, Pod pod) {
    return Owners.controllerOf(pod).isEmpty() && LabelSelector.of(selector).matches(labels(pod));
  }

  private Pod adopt(HasMetadata owner, Pod pod) {
    List<OwnerReference> references = new ArrayList<>(pod.getMetadata().getOwnerReferences() == null ? List.of()
        : pod.getMetadata().getOwnerReferences());
    references.add(Owners.controllerReference(owner));
    Pod adopted = new PodBuilder(pod).editMetadata().withOwnerReferences(references).endMetadata().build();
    return client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(adopted).update();
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }
}
