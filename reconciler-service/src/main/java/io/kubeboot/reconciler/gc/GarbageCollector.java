package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Background garbage collection of one dependent resource: an object all of whose owners are gone
 * is deleted. An owner counts as gone only when the API says so (a cache miss may be lag), by name
 * and uid, since a new owner of the same name is not the one the reference meant. An owner's
 * deletion queues its dependents through the owner-uid index.
 */
public final class GarbageCollector<T extends HasMetadata> implements Controller {

  private final KubernetesClient client;
  private final Class<T> type;
  private final ResourceInformer<T> dependents;
  /** Owners by kind, from the shared caches; a reference to any other kind is checked against the API. */
  private final Map<String, ResourceInformer<? extends HasMetadata>> owners;

  public GarbageCollector(KubernetesClient client, Informers informers, Class<T> type,
      List<Class<? extends HasMetadata>> ownerTypes) {
    this.client = client;
    this.type = type;
    this.dependents = informers.of(type);
    this.owners = ownerTypes.stream().collect(java.util.stream.Collectors.toMap(Class::getSimpleName,
        ownerType -> informers.of(ownerType)));
  }

  @Override
  public String name() {
    return "garbagecollector-" + resource().plural();
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    dependents.addEventHandler(ResourceEventHandler.enqueueing(queue));
    for (ResourceInformer<? extends HasMetadata> owner : owners.values()) {
      owner.addEventHandler(new ResourceEventHandler<HasMetadata>() {
        @Override
        public void onDelete(HasMetadata last) {
          dependents.byIndex(Indexes.OWNER_UID, last.getMetadata().getUid()).forEach(d -> queue.add(ObjectKey.of(d)));
        }
      });
    }
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<T> cached = dependents.get(key);
    if (cached.isEmpty() || cached.get().getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    T dependent = cached.get();
    List<OwnerReference> references = dependent.getMetadata().getOwnerReferences();
    if (references == null || references.isEmpty()) {
      return Result.done();
    }
    for (OwnerReference reference : references) {
      if (ownerExists(reference, key.namespace())) {
        return Result.done();
      }
    }
    client.resources(type).inNamespace(key.namespace()).withName(key.name()).delete();
    return Result.done();
  }

  private boolean ownerExists(OwnerReference reference, String namespace) {
    ResourceInformer<? extends HasMetadata> cache = owners.get(reference.getKind());
    if (cache != null && cache.get(new ObjectKey(namespace, reference.getName()))
        .filter(owner -> reference.getUid().equals(owner.getMetadata().getUid())).isPresent()) {
      return true;
    }
    Optional<ResourceType> ownerType = ResourceRegistry.standard().byKind(reference.getApiVersion(), reference.getKind());
    if (ownerType.isEmpty()) {
      return true; // a kind we do not serve: never delete on a guess
    }
    HasMetadata live = ownerType.get().namespaced()
        ? client.resources(ownerType.get().type()).inNamespace(namespace).withName(reference.getName()).get()
        : client.resources(ownerType.get().type()).withName(reference.getName()).get();
    return live != null && reference.getUid().equals(live.getMetadata().getUid());
  }

  private ResourceType resource() {
    return ResourceRegistry.standard().all().stream().filter(candidate -> candidate.type() == type).findFirst()
        .orElseThrow();
  }
}
