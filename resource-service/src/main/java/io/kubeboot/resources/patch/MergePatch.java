package io.kubeboot.resources.patch;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7386 JSON merge patch: null deletes, objects merge recursively, everything else (lists
 * included) replaces. Hand-written because the JSON patch library on the classpath (zjsonpatch)
 * implements RFC 6902 only, and the whole algorithm is the few lines below.
 */
final class MergePatch {

  private MergePatch() {
  }

  /** Merges {@code patch} into {@code target}, which it changes in place and returns. */
  static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        target.remove(field.getKey());
      } else {
        target.set(field.getKey(), merge(target.get(field.getKey()), field.getValue()));
      }
    }
    return target;
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    // A non-object target is replaced by an empty one first, so nulls inside the patch still vanish.
    ObjectNode base = target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
    return apply(base, (ObjectNode) patch);
  }
}
