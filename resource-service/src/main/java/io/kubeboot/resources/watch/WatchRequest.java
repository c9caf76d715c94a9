package io.kubeboot.resources.watch;

import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.store.Selection;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One watch: which objects (resource, namespace, selectors), from which
 * revision, for how long, and whether the client takes bookmarks.
 *
 * @param namespace null for all namespaces
 * @param initial objects to send as ADDED first (for a watch without a resourceVersion)
 */
public record WatchRequest(ResourceType type, String namespace, Selection selection, long fromRevision,
    long timeoutSeconds, boolean bookmarks, List<ObjectNode> initial) {

  /**
   * Whether a change is this watch's business: one of its resource (and namespace) whose object
   * matches the selectors before or after the change. Without selectors, the resource and
   * namespace alone decide: no object is parsed.
   */
  boolean wants(HubEvent event) {
    if (!inScope(event)) {
      return false;
    }
    if (selection.everything()) {
      return true;
    }
    boolean matchesNow = matchesNow(event);
    return matchesNow || matchedBefore(event, matchesNow);
  }

  /**
   * The watch event this watch sends for a change, or null if the change is none of its business.
   * As upstream's cache watcher, a change is judged by whether the object matched the selectors
   * before it and matches after it: an object that starts matching is ADDED, one that stops
   * matching is DELETED (with its state before the change, at the change's resourceVersion), one
   * that matches throughout is the event itself, and one that never matched is not sent.
   */
  byte[] eventFor(HubEvent event) {
    if (!inScope(event)) {
      return null;
    }
    if (selection.everything()) {
      return event.line();
    }
    boolean matchesNow = matchesNow(event);
    boolean matchedBefore = matchedBefore(event, matchesNow);
    if (matchesNow && !matchedBefore && !event.type().equals("ADDED")) {
      return HubEvent.line("ADDED", event.object());
    }
    if (!matchesNow && matchedBefore && !event.type().equals("DELETED")) {
      ObjectNode last = event.previous().deepCopy();
      last.withObject("/metadata").put("resourceVersion", Long.toString(event.revision()));
      return HubEvent.line("DELETED", last);
    }
    return matchesNow || matchedBefore ? event.line() : null;
  }

  private boolean inScope(HubEvent event) {
    return event.resource().equals(type.plural()) && event.group().equals(type.group())
        && (namespace == null || namespace.equals(event.namespace()));
  }

  private boolean matchesNow(HubEvent event) {
    return !event.type().equals("DELETED") && selection.matches(event.object());
  }

  private boolean matchedBefore(HubEvent event, boolean matchesNow) {
    return event.previous() == null
        ? event.type().equals("MODIFIED") && matchesNow // an event stored without its previous state
        : selection.matches(event.previous());
  }
}
