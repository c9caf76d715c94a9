package io.kubeboot.resources.watch;

import io.kubeboot.common.event.ResourceEvent;
import io.kubeboot.common.event.ResourceEventCodec;
import io.kubeboot.resources.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongFunction;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change as the hub holds it for every watcher. Its objects are parsed, and its watch-event
 * line ({@code {"type":...,"object":...}}) is rendered, at most once and only when a watcher
 * needs them: the hub holds every change of every resource, most of which no watcher wants, and
 * fan-out to many watchers then costs no serialization. The objects must not be modified.
 */
final class HubEvent {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final StoredEvent stored;
  /** Reads the previous state of a MODIFIED event that came without it, by revision, from the log. */
  private final LongFunction<String> previousBodies;
  private volatile ObjectNode object;
  private volatile ObjectNode previous;
  private volatile boolean noPrevious;
  private volatile byte[] line;

  HubEvent(StoredEvent stored) {
    this(stored, revision -> null);
  }

  HubEvent(StoredEvent stored, LongFunction<String> previousBodies) {
    this.stored = stored;
    this.previousBodies = previousBodies;
  }

  long revision() {
    return stored.revision();
  }

  String group() {
    return stored.group();
  }

  String resource() {
    return stored.resource();
  }

  String namespace() {
    return stored.namespace();
  }

  String type() {
    return stored.type();
  }

  ObjectNode object() {
    ObjectNode parsed = object;
    if (parsed == null) {
      parsed = stored.object();
      object = parsed;
    }
    return parsed;
  }

  /**
   * The object before the change, which a watch with a selector needs to tell an object entering
   * or leaving its selection from one changing inside it: the state before a MODIFIED change, the
   * last state for DELETED, null for ADDED (and for a MODIFIED event stored before the log kept
   * previous states). A MODIFIED event taken from memory without it reads it from the log, once.
   */
  ObjectNode previous() {
    if ("DELETED".equals(stored.type())) {
      return object();
    }
    ObjectNode parsed = previous;
    if (parsed == null && !noPrevious) {
      String body = stored.previousBody();
      if (body == null && "MODIFIED".equals(stored.type())) {
        body = previousBodies.apply(stored.revision());
      }
      if (body == null) {
        noPrevious = true;
        return null;
      }
      parsed = (ObjectNode) MAPPER.readTree(body);
      previous = parsed;
    }
    return parsed;
  }

  /** The change's own watch-event line, from the stored JSON text as it is (no parse, no render). */
  byte[] line() {
    byte[] rendered = line;
    if (rendered == null) {
      byte[] event = ResourceEventCodec.encode(ResourceEvent.Type.valueOf(stored.type()), stored.body());
      rendered = Arrays.copyOf(event, event.length + 1);
      rendered[event.length] = '\n';
      line = rendered;
    }
    return rendered;
  }

  /** One newline-terminated watch event. */
  static byte[] line(String type, ObjectNode object) {
    ObjectNode event = MAPPER.createObjectNode();
    event.put("type", type);
    event.set("object", object);
    return (MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
