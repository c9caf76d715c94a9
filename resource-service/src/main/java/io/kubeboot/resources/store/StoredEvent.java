package io.kubeboot.resources.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * One committed change of the event log, as its row holds it.
 *
 * @param previousBody the object before a MODIFIED change; null for ADDED and DELETED, for events
 *     older than the column that keeps it, and for a MODIFIED event taken from memory whose
 *     statement read it ({@link CommittedEvents})
 */
public record StoredEvent(long revision, String group, String resource, String namespace, String name,
    String type, String body, String previousBody) {

  public ObjectNode object() {
    return Json.read(body);
  }
}
