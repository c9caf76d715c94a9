package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.store.BeforeWrite;
import io.kubeboot.resources.store.ObjectStore;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an object goes away, as upstream's graceful deletion and finalizers work:
 * <ul>
 *   <li>a pod bound to a node that is still running gets a {@code deletionTimestamp} and a grace
 *       period; its node agent stops the containers and then deletes it for good;</li>
 *   <li>Orphan and Foreground propagation add the {@code orphan} / {@code foregroundDeletion}
 *       finalizer for the garbage collector;</li>
 *   <li>an object with finalizers (a namespace with {@code spec.finalizers}) is only marked, and is
 *       removed when the last finalizer is taken off;</li>
 *   <li>everything else is removed at once.</li>
 * </ul>
 */
@Component
class Deletion {

  private final ObjectStore store;
  private final ServiceAllocator allocator;
  private final Clock clock;

  Deletion(ObjectStore store, ServiceAllocator allocator, Clock clock) {
    this.store = store;
    this.allocator = allocator;
    this.clock = clock;
  }

  ObjectNode delete(ResourceType type, ObjectNode current, DeleteRequest request) {
    checkPreconditions(type, current, request);
    ObjectNode object = current.deepCopy();
    long grace = gracePeriod(type, object, request);
    if (grace > 0) {
      return markDeleting(type, object, grace, request);
    }
    switch (request.propagationPolicy() == null ? "Background" : request.propagationPolicy()) {
      case "Orphan" -> Metadata.addFinalizer(object, "orphan");
      case "Foreground" -> Metadata.addFinalizer(object, "foregroundDeletion");
      case "Background" -> {
      }
      default -> throw ApiException.badRequest("DeleteOptions.propagationPolicy: Unsupported value: \""
          + request.propagationPolicy() + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    if (!finalizersDone(type, object)) {
      return markDeleting(type, object, 0, request);
    }
    return request.dryRun() ? object : remove(type, object, Metadata.resourceVersion(current));
  }

  /** True when nothing holds the object back any more. */
  boolean finalizersDone(ResourceType type, ObjectNode object) {
    if (Metadata.hasFinalizers(object)) {
      return false;
    }
    JsonNode namespaceFinalizers = object.path("spec").path("finalizers");
    return !Namespaces.NAMESPACES.equals(type) || !namespaceFinalizers.isArray() || namespaceFinalizers.isEmpty();
  }

  /** Removes the object, if it is still at {@code expectedVersion} (see {@link ObjectStore#remove}). */
  ObjectNode remove(ResourceType type, ObjectNode object, String expectedVersion) {
    return store.remove(type, object, expectedVersion, allocator.onRemove(type));
  }

  private ObjectNode markDeleting(ResourceType type, ObjectNode object, long grace, DeleteRequest request) {
    ObjectNode before = object.deepCopy();
    ObjectNode metadata = Metadata.of(object);
    long currentGrace = metadata.path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE);
    if (!Metadata.deleting(object) || grace < currentGrace) {
      // a second delete may shorten the grace period, never lengthen it
      metadata.put("deletionTimestamp", Metadata.timestamp(clock.instant().plusSeconds(grace)));
      metadata.put("deletionGracePeriodSeconds", grace);
    }
    if (Namespaces.NAMESPACES.equals(type)) {
      object.withObject("/status").put("phase", "Terminating");
    }
    return request.dryRun() || object.equals(before) ? object
        : store.replace(type, object, Metadata.resourceVersion(before), BeforeWrite.NOTHING);
  }

  /** Upstream: only a pod on a node that may still run containers deletes gracefully. */
  private static long gracePeriod(ResourceType type, ObjectNode object, DeleteRequest request) {
    if (!"pods".equals(type.plural()) || !type.group().isEmpty()) {
      return 0;
    }
    String phase = object.path("status").path("phase").asString("");
    if (object.path("spec").path("nodeName").asString("").isEmpty()
        || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    if (request.gracePeriodSeconds() != null) {
      return Math.max(0, request.gracePeriodSeconds());
    }
    return object.path("spec").path("terminationGracePeriodSeconds").asLong(30);
  }

  private static void checkPreconditions(ResourceType type, ObjectNode current, DeleteRequest request) {
    if (request.uid() != null && !request.uid().equals(Metadata.uid(current))) {
      throw ApiException.conflict(type.groupResource(), Metadata.name(current),
          "Precondition failed: UID in precondition: " + request.uid() + ", UID in object meta: "
              + Metadata.uid(current));
    }
    if (request.resourceVersion() != null && !request.resourceVersion().equals(Metadata.resourceVersion(current))) {
      throw ApiException.conflict(type.groupResource(), Metadata.name(current),
          "Precondition failed: ResourceVersion in precondition: " + request.resourceVersion()
              + ", ResourceVersion in object meta: " + Metadata.resourceVersion(current));
    }
  }
}
