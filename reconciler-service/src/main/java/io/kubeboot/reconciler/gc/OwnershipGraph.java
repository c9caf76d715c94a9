package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.reconciler.runtime.Informers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns what, read from the shared caches of every collected resource: upstream's garbage
 * collector graph, with each informer's owner-uid index as the edges. An owner counts as absent
 * only when the API says so (a cache miss may be lag), by name and uid, since a new owner of the
 * same name is not the one a reference meant.
 */
final class OwnershipGraph {

  /** Upstream's garbage collector ignores events too: they are many, short-lived and own nothing. */
  private static final List<String> IGNORED = List.of("events");

  private final KubernetesClient client;
  private final Map<ResourceType, ResourceInformer<? extends HasMetadata>> informers = new LinkedHashMap<>();

  OwnershipGraph(KubernetesClient client, Informers shared) {
    this.client = client;
    for (ResourceType type : collected()) {
      informers.put(type, shared.of(type.type()));
    }
  }

  /** Every registered resource but the ignored ones: each gets a collector. */
  static List<ResourceType> collected() {
    return ResourceRegistry.standard().all().stream().filter(type -> !IGNORED.contains(type.plural())).toList();
  }

  @SuppressWarnings("unchecked")
  <T extends HasMetadata> ResourceInformer<T> informer(ResourceType type) {
    return (ResourceInformer<T>) informers.get(type);
  }

  List<ResourceInformer<? extends HasMetadata>> informers() {
    return List.copyOf(informers.values());
  }

  /** Every cached object with an owner reference to {@code ownerUid}, of any kind. */
  List<HasMetadata> dependents(String ownerUid) {
    List<HasMetadata> dependents = new ArrayList<>();
    informers.values().forEach(informer -> dependents.addAll(informer.byIndex(Indexes.OWNER_UID, ownerUid)));
    return dependents;
  }

  boolean hasDependents(String ownerUid) {
    return informers.values().stream().anyMatch(informer -> !informer.byIndex(Indexes.OWNER_UID, ownerUid).isEmpty());
  }

  /** The cached owner a reference of an object in {@code namespace} names, if it is that very object. */
  Optional<HasMetadata> cachedOwner(OwnerReference reference, String namespace) {
    return ResourceRegistry.standard().byKind(reference.getApiVersion(), reference.getKind())
        .flatMap(type -> Optional.ofNullable(informers.get(type))
            .<HasMetadata>flatMap(informer -> informer.get(
                new ObjectKey(type.namespaced() ? namespace : null, reference.getName()))))
        .filter(owner -> reference.getUid().equals(owner.getMetadata().getUid()));
  }

  KubernetesSerialization serialization() {
    return client.getKubernetesSerialization();
  }

  /** The API of one cached object, of whichever collected kind it is. */
  @SuppressWarnings("unchecked")
  Resource<HasMetadata> resource(HasMetadata object) {
    ResourceType type = informers.keySet().stream().filter(t -> t.type() == object.getClass()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(object.getClass() + " is not collected"));
    MixedOperation<HasMetadata, KubernetesResourceList<HasMetadata>, Resource<HasMetadata>> operation =
        client.resources((Class<HasMetadata>) type.type());
    return type.namespaced() ? operation.inNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName()) : operation.withName(object.getMetadata().getName());
  }

  /** How the owner a reference names stands, from the cache or, when the cache lacks it, the API. */
  OwnerState state(OwnerReference reference, String namespace) {
    Optional<HasMetadata> owner = cachedOwner(reference, namespace);
    if (owner.isEmpty()) {
      Optional<ResourceType> type = ResourceRegistry.standard().byKind(reference.getApiVersion(), reference.getKind());
      if (type.isEmpty()) {
        return OwnerState.PRESENT; // a kind we do not serve: never delete on a guess
      }
      HasMetadata live = type.get().namespaced()
          ? client.resources(type.get().type()).inNamespace(namespace).withName(reference.getName()).get()
          : client.resources(type.get().type()).withName(reference.getName()).get();
      owner = Optional.ofNullable(live).filter(o -> reference.getUid().equals(o.getMetadata().getUid()));
    }
    return owner.map(o -> DeletionFinalizers.deletingDependents(o) ? OwnerState.DELETING_DEPENDENTS
        : OwnerState.PRESENT).orElse(OwnerState.ABSENT);
  }
}
