package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/** The indexes controllers keep asking for, under conventional names. */
public final class Indexes {

  public static final String NAMESPACE = "namespace";
  public static final String OWNER_UID = "ownerUid";
  public static final String NODE_NAME = "spec.nodeName";

  private Indexes() {
  }

  /** Objects by {@code metadata.namespace} (cluster-scoped objects are not indexed). */
  public static <T extends HasMetadata> IndexFunction<T> namespace() {
    return object -> object.getMetadata().getNamespace() == null
        ? List.of() : List.of(object.getMetadata().getNamespace());
  }

  /** Objects by the uid of each owner, so that an owner finds its dependents. */
  public static <T extends HasMetadata> IndexFunction<T> ownerUid() {
    return object -> {
      List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
      return owners == null ? List.of() : owners.stream().map(OwnerReference::getUid).toList();
    };
  }

  /** Pods by the node they are bound to (unscheduled pods are not indexed). */
  public static IndexFunction<Pod> nodeName() {
    return pod -> pod.getSpec() == null || pod.getSpec().getNodeName() == null
        ? List.of() : List.of(pod.getSpec().getNodeName());
  }
}
