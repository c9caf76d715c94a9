package io.kubeboot.resources.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * One committed change read back from the event log.
 *
 * @param previousBody the object before a MODIFIED change; null for ADDED and DELETED, and for
 *     events older than the column that keeps it
 */
public record StoredEvent(long revision, String group, String resource, String namespace, String name,
    String type, String body, String previousBody) {

  public ObjectNode object() {
    return Json.read(body);
  }

  /** The state before the change, or null when the event has none. */
  public ObjectNode previousObject() {
    return previousBody == null ? null : Json.read(previousBody);
  }
}
