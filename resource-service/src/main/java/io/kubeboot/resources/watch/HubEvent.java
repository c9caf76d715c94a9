package io.kubeboot.resources.watch;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change as the hub holds it for every watcher: parsed once, and with its watch-event line
 * ({@code {"type":...,"object":...}}) rendered once, so fan-out to many watchers costs no
 * serialization. The objects must not be modified.
 *
 * @param previous the object before the change, which a watch with a selector needs to tell an
 *     object entering or leaving its selection from one changing inside it: the state before a
 *     MODIFIED change, the last state for DELETED, null for ADDED (and for a MODIFIED event stored
 *     before the log kept previous states)
 */
record HubEvent(long revision, String group, String resource, String namespace, String type, ObjectNode object,
    ObjectNode previous, byte[] line) {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static HubEvent of(long revision, String group, String resource, String namespace, String type,
      ObjectNode object, ObjectNode previous) {
    return new HubEvent(revision, group, resource, namespace, type, object, previous, line(type, object));
  }

  /** One newline-terminated watch event. */
  static byte[] line(String type, ObjectNode object) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("type", type);
    event.set("object", object);
    return (MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
