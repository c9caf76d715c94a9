package io.kubeboot.resources.store;

import tools.jackson.databind.node.ObjectNode;

/** One committed change read back from the event log. */
public record StoredEvent(long revision, String group, String resource, String namespace, String name,
    String type, String body) {

  public ObjectNode object() {
    return Json.read(body);
  }
}
