package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Garbage collection of one resource, as upstream's collector does for every resource:
 * <ul>
 *   <li>as a dependent, an object is deleted once none of its owners stays ({@link Verdict});
 *   <li>as an owner deleted with Orphan propagation, its dependents lose their references to it,
 *       then its {@code orphan} finalizer goes;
 *   <li>as an owner deleted with Foreground propagation, it keeps its {@code foregroundDeletion}
 *       finalizer until no dependent that blocks owner deletion is left; its dependents are deleted
 *       meanwhile, in the foreground too when they own objects in turn.
 * </ul>
 * Decisions are taken on the shared caches and checked against the API before an object is
 * deleted; owners' and dependents' changes queue the objects they concern.
 */
public final class GarbageCollector<T extends HasMetadata> implements Controller {

  private final OwnershipGraph graph;
  private final ResourceType type;
  private final ResourceInformer<T> objects;

  GarbageCollector(OwnershipGraph graph, ResourceType type) {
    this.graph = graph;
    this.type = type;
    this.objects = graph.informer(type);
  }

  @Override
  public String name() {
    return "garbagecollector-" + type.plural();
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    objects.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T object) {
        onUpdate(object, object);
      }

      @Override
      public void onUpdate(T old, T now) {
        List<OwnerReference> references = now.getMetadata().getOwnerReferences();
        if (references != null && !references.isEmpty() || DeletionFinalizers.awaitingCollector(now)) {
          queue.add(ObjectKey.of(now));
        }
      }
    });
    for (ResourceInformer<? extends HasMetadata> informer : graph.informers()) {
      informer.addEventHandler(new Neighbours(queue));
    }
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<T> cached = objects.get(key);
    if (cached.isEmpty()) {
      return Result.done();
    }
    T object = cached.get();
    if (DeletionFinalizers.deleting(object)) {
      finishDeletion(object);
      return Result.done();
    }
    if (verdict(object).action() == Verdict.Action.KEEP) {
      return Result.done();
    }
    // the cache may be behind: an owner reference removed meanwhile (an orphaning) must be seen
    HasMetadata live = graph.resource(object).get();
    if (live == null || DeletionFinalizers.deleting(live)) {
      return Result.done();
    }
    Verdict verdict = verdict(live);
    switch (verdict.action()) {
      case DROP_REFERENCES -> setOwnerReferences(live, live.getMetadata().getOwnerReferences().stream()
          .filter(reference -> !verdict.dropped().contains(reference.getUid())).toList());
      case DELETE -> graph.resource(live).withPropagationPolicy(verdict.propagation()).delete();
      case KEEP -> {
      }
    }
    return Result.done();
  }

  /** An object marked for deletion: the garbage collector's finalizers, if it has one, are its to finish. */
  private void finishDeletion(T owner) {
    String uid = owner.getMetadata().getUid();
    if (DeletionFinalizers.has(owner, DeletionFinalizers.ORPHAN)) {
      for (HasMetadata dependent : graph.dependents(uid)) {
        setOwnerReferences(dependent, dependent.getMetadata().getOwnerReferences().stream()
            .filter(reference -> !uid.equals(reference.getUid())).toList());
      }
      removeFinalizer(owner, DeletionFinalizers.ORPHAN);
    } else if (DeletionFinalizers.has(owner, DeletionFinalizers.FOREGROUND)
        && graph.dependents(uid).stream().noneMatch(dependent -> blocks(dependent, uid))) {
      removeFinalizer(owner, DeletionFinalizers.FOREGROUND);
    }
  }

  private Verdict verdict(HasMetadata object) {
    List<OwnerReference> references = object.getMetadata().getOwnerReferences();
    Map<OwnerReference, OwnerState> owners = new LinkedHashMap<>();
    if (references != null) {
      references.forEach(reference -> owners.put(reference,
          graph.state(reference, object.getMetadata().getNamespace())));
    }
    String ownFinalizer = DeletionFinalizers.has(object, DeletionFinalizers.ORPHAN) ? DeletionFinalizers.ORPHAN
        : DeletionFinalizers.has(object, DeletionFinalizers.FOREGROUND) ? DeletionFinalizers.FOREGROUND : null;
    return Verdict.of(owners, graph.hasDependents(object.getMetadata().getUid()), ownFinalizer);
  }

  private static boolean blocks(HasMetadata dependent, String ownerUid) {
    return dependent.getMetadata().getOwnerReferences().stream()
        .anyMatch(reference -> ownerUid.equals(reference.getUid())
            && Boolean.TRUE.equals(reference.getBlockOwnerDeletion()));
  }

  /** A merge patch at the version read, as upstream: a reference added meanwhile is never lost. */
  private void setOwnerReferences(HasMetadata object, List<OwnerReference> references) {
    patchMetadata(object, "ownerReferences", references.isEmpty() ? null : references);
  }

  private void removeFinalizer(HasMetadata object, String finalizer) {
    List<String> rest = new ArrayList<>(object.getMetadata().getFinalizers());
    rest.remove(finalizer);
    patchMetadata(object, "finalizers", rest.isEmpty() ? null : rest);
  }

  private void patchMetadata(HasMetadata object, String field, Object value) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resourceVersion", object.getMetadata().getResourceVersion());
    metadata.put(field, value);
    graph.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE),
        graph.serialization().asJson(Map.of("metadata", metadata)));
  }

  /**
   * Changes of any collected object that concern this resource's objects: an owner deleted, or
   * deleted in the foreground, queues its dependents here; a dependent that goes or lets go of its
   * owner queues the owner here if that owner waits for its dependents.
   */
  private final class Neighbours implements ResourceEventHandler<HasMetadata> {

    private final WorkQueue<ObjectKey> queue;

    Neighbours(WorkQueue<ObjectKey> queue) {
      this.queue = queue;
    }

    @Override
    public void onAdd(HasMetadata object) {
      if (DeletionFinalizers.deletingDependents(object)) {
        enqueueDependentsOf(object);
      }
    }

    @Override
    public void onUpdate(HasMetadata old, HasMetadata now) {
      onAdd(now);
      if (old != now) {
        Set<OwnerReference> references = new LinkedHashSet<>(references(old));
        references.removeAll(references(now));
        enqueueWaitingOwners(now, references);
      }
    }

    @Override
    public void onDelete(HasMetadata last) {
      enqueueDependentsOf(last);
      enqueueWaitingOwners(last, references(last));
    }

    private void enqueueDependentsOf(HasMetadata owner) {
      objects.byIndex(Indexes.OWNER_UID, owner.getMetadata().getUid()).forEach(d -> queue.add(ObjectKey.of(d)));
    }

    private void enqueueWaitingOwners(HasMetadata dependent, Iterable<OwnerReference> references) {
      for (OwnerReference reference : references) {
        if (ResourceRegistry.standard().byKind(reference.getApiVersion(), reference.getKind())
            .filter(type::equals).isPresent()) {
          graph.cachedOwner(reference, dependent.getMetadata().getNamespace())
              .filter(DeletionFinalizers::awaitingCollector).ifPresent(owner -> queue.add(ObjectKey.of(owner)));
        }
      }
    }

    private List<OwnerReference> references(HasMetadata object) {
      List<OwnerReference> references = object.getMetadata().getOwnerReferences();
      return references == null ? List.of() : references;
    }
  }
}
