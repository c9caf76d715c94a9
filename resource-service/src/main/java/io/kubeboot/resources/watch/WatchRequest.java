package io.kubeboot.resources.watch;

import io.kubeboot.common.resource.ResourceType;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * One watch: which objects (resource, namespace, selectors as a predicate), from which
 * revision, for how long, and whether the client takes bookmarks.
 *
 * @param namespace null for all namespaces
 * @param initial objects to send as ADDED first (for a watch without a resourceVersion)
 */
public record WatchRequest(ResourceType type, String namespace, Predicate<ObjectNode> filter, long fromRevision,
    long timeoutSeconds, boolean bookmarks, List<ObjectNode> initial) {

  boolean matches(HubEvent event) {
    return event.resource().equals(type.plural())
        && event.group().equals(type.group())
        && (namespace == null || namespace.equals(event.namespace()))
        && filter.test(event.object());
  }
}
