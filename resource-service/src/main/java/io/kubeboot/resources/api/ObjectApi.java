package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.patch.PatchType;
import io.kubeboot.resources.patch.Patcher;
import io.kubeboot.resources.store.ListPage;
import io.kubeboot.resources.store.ListQuery;
import io.kubeboot.resources.store.ObjectStore;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic API semantics of every registered resource, like upstream's registry Store: one
 * transaction per request; create, update and patch go through the kind's strategy (defaults,
 * validation) and the object's resourceVersion precondition; subresources change only their
 * part; deletion may be graceful or wait for finalizers. Nothing here is written per kind: the
 * registry and the strategies carry the differences.
 */
@Service
public class ObjectApi {

  private final ObjectStore store;
  private final ObjectPreparation preparation;
  private final Deletion deletion;
  private final Patcher patcher;

  ObjectApi(ObjectStore store, ObjectPreparation preparation, Deletion deletion, Patcher patcher) {
    this.store = store;
    this.preparation = preparation;
    this.deletion = deletion;
    this.patcher = patcher;
  }

  @Transactional(readOnly = true)
  public ObjectNode get(ResourceType type, String namespace, String name, String subresource) {
    ObjectNode object = existing(type, namespace, name);
    return "scale".equals(subresource) ? Scales.toScale(type, object) : object;
  }

  public ListPage list(ListQuery query) {
    return store.list(query);
  }

  @Transactional
  public ObjectNode create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    ObjectNode prepared = preparation.forCreate(type, namespace, body, options);
    return options.dryRun() ? prepared : store.insert(type, prepared);
  }

  /** PUT of the object or of its status or scale subresource. */
  @Transactional
  public ObjectNode update(ResourceType type, String namespace, String name, String subresource, ObjectNode body,
      WriteOptions options) {
    ObjectNode current = lockedExisting(type, namespace, name);
    return viewOf(type, subresource, write(type, current, subresource, body, options));
  }

  /** PATCH of the object or of its status or scale subresource; the patch applies to what GET returns. */
  @Transactional
  public ObjectNode patch(ResourceType type, String namespace, String name, String subresource, PatchType patchType,
      byte[] patch, WriteOptions options) {
    ObjectNode current = lockedExisting(type, namespace, name);
    ObjectNode view = "scale".equals(subresource) ? Scales.toScale(type, current) : current.deepCopy();
    ObjectNode patched = patcher.apply(patchType, view, patch, type);
    // a patch that names a resourceVersion makes it a precondition; otherwise it applies to the latest
    if (Metadata.resourceVersion(patched).isEmpty()) {
      Metadata.of(patched).put("resourceVersion", Metadata.resourceVersion(current));
    }
    return viewOf(type, subresource, write(type, current, subresource, patched, options.forPatch()));
  }

  /** A write through {@code scale} answers with the Scale, like a read of it. */
  private static ObjectNode viewOf(ResourceType type, String subresource, ObjectNode object) {
    return "scale".equals(subresource) ? Scales.toScale(type, object) : object;
  }

  /** POST of {@code pods/binding}: assigns a pending pod to a node, once. */
  @Transactional
  public ObjectNode bind(ResourceType type, String namespace, String name, ObjectNode binding) {
    ObjectNode current = lockedExisting(type, namespace, name);
    return store.replace(type, PodBinding.bind(current, binding));
  }

  @Transactional
  public ObjectNode delete(ResourceType type, String namespace, String name, DeleteRequest request) {
    ObjectNode current = lockedExisting(type, namespace, name);
    return deletion.delete(type, current, request);
  }

  private ObjectNode write(ResourceType type, ObjectNode current, String subresource, ObjectNode body,
      WriteOptions options) {
    ObjectNode desired = "scale".equals(subresource) ? Scales.applyScale(type, current, body) : body;
    checkIdentity(type, current, desired);
    String expected = Metadata.resourceVersion(desired);
    if (!expected.isEmpty() && !expected.equals(Metadata.resourceVersion(current))) {
      throw ApiException.conflict(type.groupResource(), Metadata.name(current),
          "the object has been modified; please apply your changes to the latest version and try again");
    }
    ObjectNode prepared = preparation.forUpdate(type, current, desired, subresource, options);
    if (sameApartFromVersion(prepared, current)) {
      return current;
    }
    if (Metadata.deleting(prepared) && deletion.finalizersDone(type, prepared)) {
      return options.dryRun() ? prepared : deletion.remove(type, prepared);
    }
    return options.dryRun() ? prepared : store.replace(type, prepared);
  }

  private static void checkIdentity(ResourceType type, ObjectNode current, ObjectNode desired) {
    String name = Metadata.name(desired);
    if (!name.isEmpty() && !name.equals(Metadata.name(current))) {
      throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + Metadata.name(current) + ")");
    }
    String namespace = Metadata.namespace(desired);
    if (type.namespaced() && !namespace.isEmpty() && !namespace.equals(Metadata.namespace(current))) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on "
          + "the request");
    }
  }

  private static boolean sameApartFromVersion(ObjectNode a, ObjectNode b) {
    return JsonEquality.same(withoutVersion(a), withoutVersion(b));
  }

  private static ObjectNode withoutVersion(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    Metadata.of(copy).remove("resourceVersion");
    return copy;
  }

  private ObjectNode existing(ResourceType type, String namespace, String name) {
    return store.get(type, namespace, name).orElseThrow(() -> ApiException.notFound(type.groupResource(), name));
  }

  private ObjectNode lockedExisting(ResourceType type, String namespace, String name) {
    Objects.requireNonNull(name, "name");
    return store.getForUpdate(type, namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.groupResource(), name));
  }
}
