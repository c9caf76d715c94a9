package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.patch.PatchType;
import io.kubeboot.resources.patch.Patcher;
import io.kubeboot.resources.store.ListPage;
import io.kubeboot.resources.store.BeforeWrite;
import io.kubeboot.resources.store.ListQuery;
import io.kubeboot.resources.store.ObjectChangedException;
import io.kubeboot.resources.store.ObjectStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic API semantics of every registered resource, like upstream's registry Store: create,
 * update and patch go through the kind's strategy (defaults, validation) and the object's
 * resourceVersion precondition; subresources change only their part; deletion may be graceful or
 * wait for finalizers. Changes of existing objects are optimistic, as upstream's GuaranteedUpdate:
 * read, compute the new state, write it if the object is still as read, else read again. Nothing
 * here is written per kind: the registry and the strategies carry the differences.
 */
@Service
public class ObjectApi {

  /**
   * Upstream retries a GuaranteedUpdate until it succeeds or the request times out; each lost race
   * means another write committed, so contention alone cannot spin it forever. A count of attempts
   * failed a patch that lost 32 races to 7 other writers on a loaded machine; a time bound, half of
   * the gateway's request timeout, keeps the answer a Conflict rather than the gateway's Timeout.
   */
  private static final long UPDATE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final ObjectStore store;
  private final ObjectPreparation preparation;
  private final Deletion deletion;
  private final Patcher patcher;
  private final Namespaces namespaces;
  private final ServiceAllocator allocator;

  ObjectApi(ObjectStore store, ObjectPreparation preparation, Deletion deletion, Patcher patcher,
      Namespaces namespaces, ServiceAllocator allocator) {
    this.store = store;
    this.preparation = preparation;
    this.deletion = deletion;
    this.patcher = patcher;
    this.namespaces = namespaces;
    this.allocator = allocator;
  }

  public ObjectNode get(ResourceType type, String namespace, String name, String subresource) {
    ObjectNode object = existing(type, namespace, name);
    return "scale".equals(subresource) ? Scales.toScale(type, object) : object;
  }

  public ListPage list(ListQuery query) {
    return store.list(query);
  }

  public ObjectNode create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    ObjectNode prepared = preparation.forCreate(type, namespace, body, options);
    if (options.dryRun()) {
      requireWritableNamespace(type, namespace);
      return prepared;
    }
    return store.insert(type, prepared, allocator.onWrite(type, null)).orElseThrow(() -> {
      // refused in the write's own statement: the namespace, or else the name, is why
      requireWritableNamespace(type, namespace);
      return ApiException.alreadyExists(type.groupResource(), Metadata.name(prepared));
    });
  }

  private void requireWritableNamespace(ResourceType type, String namespace) {
    if (type.namespaced()) {
      namespaces.requireWritable(namespace);
    }
  }

  /** PUT of the object or of its status or scale subresource. */
  public ObjectNode update(ResourceType type, String namespace, String name, String subresource, ObjectNode body,
      WriteOptions options) {
    return guaranteedUpdate(type, namespace, name,
        current -> viewOf(type, subresource, write(type, current, subresource, body.deepCopy(), options)));
  }

  /** PATCH of the object or of its status or scale subresource; the patch applies to what GET returns. */
  public ObjectNode patch(ResourceType type, String namespace, String name, String subresource, PatchType patchType,
      byte[] patch, WriteOptions options) {
    return guaranteedUpdate(type, namespace, name, current -> {
      ObjectNode view = "scale".equals(subresource) ? Scales.toScale(type, current) : current.deepCopy();
      ObjectNode patched = patcher.apply(patchType, view, patch, type);
      // a patch that names a resourceVersion makes it a precondition; otherwise it applies to the latest
      if (Metadata.resourceVersion(patched).isEmpty()) {
        Metadata.of(patched).put("resourceVersion", Metadata.resourceVersion(current));
      }
      return viewOf(type, subresource, write(type, current, subresource, patched, options.forPatch()));
    });
  }

  /** A write through {@code scale} answers with the Scale, like a read of it. */
  private static ObjectNode viewOf(ResourceType type, String subresource, ObjectNode object) {
    return "scale".equals(subresource) ? Scales.toScale(type, object) : object;
  }

  /**
   * POST of {@code pods/binding}: assigns a pending pod to a node, once. Starts from this
   * replica's last write of the pod, most often its create moments ago, rather than reading it:
   * a binding always writes or fails, so a stale guess shows as a failure, and a failure computed
   * from a guess is tried again from the stored pod.
   */
  public ObjectNode bind(ResourceType type, String namespace, String name, ObjectNode binding) {
    UnaryOperator<ObjectNode> assign = current -> store.replace(type, PodBinding.bind(current, binding),
        Metadata.resourceVersion(current), BeforeWrite.NOTHING);
    Optional<ObjectNode> guess = store.recentlyWritten(type, namespace, name);
    if (guess.isPresent()) {
      try {
        return assign.apply(guess.get());
      } catch (ApiException | ObjectChangedException e) {
        // decided from what may be stale: decide again from the stored pod
      }
    }
    return guaranteedUpdate(type, namespace, name, assign);
  }

  public ObjectNode delete(ResourceType type, String namespace, String name, DeleteRequest request) {
    return guaranteedUpdate(type, namespace, name, current -> deletion.delete(type, current, request));
  }

  /**
   * Applies {@code change} to the object's current state until it writes without a concurrent
   * change in between; a change that makes no write returns what it computed.
   */
  private ObjectNode guaranteedUpdate(ResourceType type, String namespace, String name,
      UnaryOperator<ObjectNode> change) {
    Objects.requireNonNull(name, "name");
    long start = System.nanoTime();
    while (true) {
      ObjectNode current = existing(type, namespace, name);
      try {
        return change.apply(current);
      } catch (ObjectChangedException e) {
        if (System.nanoTime() - start > UPDATE_DEADLINE_NANOS) {
          throw ApiException.conflict(type.groupResource(), name, "the object is being modified too often; "
              + "please apply your changes to the latest version and try again");
        }
      }
    }
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
      return options.dryRun() ? prepared : deletion.remove(type, prepared, Metadata.resourceVersion(current));
    }
    return options.dryRun() ? prepared
        : store.replace(type, prepared, Metadata.resourceVersion(current), allocator.onWrite(type, current));
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
}
