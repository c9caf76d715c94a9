package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes strategic merge patch, as the API server applies it (upstream's
 * {@code strategicpatch.StrategicMergeMapPatch}): a JSON merge patch whose lists merge by the
 * {@link ListStrategy} of their field, plus the {@link Directives}. Hand-written because no Java
 * library implements it; fabric8 and the official Java client only send such patches.
 *
 * <p>Where upstream is loose this is stricter or cleaner, never different for what kubectl sends:
 * a value added where the server had none is merged into nothing rather than copied, so its nulls
 * and directives never reach storage; malformed directives and elements without their merge key are
 * a 400 (upstream: mostly 400, some 500).
 */
final class StrategicMergePatch {

  private StrategicMergePatch() {
  }

  /** Merges {@code patch} into {@code current}, which it changes in place and returns. */
  static ObjectNode apply(ObjectNode current, ObjectNode patch, PatchMeta meta) {
    return mergeObject(current, patch, meta);
  }

  /** A map merged into {@code current}, or into nothing when {@code current} is null. */
  static ObjectNode mergeObject(ObjectNode current, ObjectNode patch, PatchMeta meta) {
    JsonNode directive = patch.get(Directives.PATCH);
    if (directive == null) {
      return mergeFields(current == null ? JsonNodeFactory.instance.objectNode() : current, patch, meta);
    }
    if (Directives.is(directive, Directives.REPLACE)) {
      return mergeFields(JsonNodeFactory.instance.objectNode(), patch, meta);
    }
    if (Directives.is(directive, Directives.DELETE)) {
      // Upstream leaves an empty map behind, not an absent field.
      return JsonNodeFactory.instance.objectNode();
    }
    throw Directives.unknownPatchType(directive, patch);
  }

  /**
   * A field's new value; a map or list is merged into {@code current} when that has the same
   * shape, into nothing otherwise.
   *
   * @param strategy how the field merges if it is a list
   */
  static JsonNode mergeValue(JsonNode current, JsonNode patch, ListStrategy strategy, PatchMeta meta) {
    if (patch.isObject()) {
      return mergeObject(current != null && current.isObject() ? (ObjectNode) current : null, (ObjectNode) patch,
          meta);
    }
    if (patch.isArray()) {
      ArrayNode base = current != null && current.isArray() ? (ArrayNode) current : null;
      return ListMerge.merge(base == null ? JsonNodeFactory.instance.arrayNode() : base, (ArrayNode) patch, strategy,
          meta);
    }
    return patch;
  }

  private static ObjectNode mergeFields(ObjectNode target, ObjectNode patch, PatchMeta meta) {
    retainKeys(target, patch);
    Set<String> ordered = setElementOrders(target, patch, meta);
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      if (key.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
        deleteFromPrimitiveList(target, key, field.getValue());
      } else if (!Directives.isDirective(key) && !ordered.contains(key)) {
        mergeField(target, key, field.getValue(), meta);
      }
    }
    return target;
  }

  private static void mergeField(ObjectNode target, String key, JsonNode value, PatchMeta meta) {
    if (value.isNull()) {
      target.remove(key);
    } else {
      target.set(key, mergeValue(target.get(key), value, meta.listStrategy(key), meta.field(key)));
    }
  }

  /** {@code $retainKeys}: the map keeps only the listed keys, and the patch may set no others. */
  private static void retainKeys(ObjectNode target, ObjectNode patch) {
    JsonNode retain = patch.get(Directives.RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    if (!retain.isArray()) {
      throw ApiException.badRequest(Directives.BAD_RETAIN_KEYS);
    }
    Set<String> keep = new HashSet<>();
    retain.forEach(key -> keep.add(key.asString("")));
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (!field.getValue().isNull() && !Directives.isDirective(field.getKey()) && !keep.contains(field.getKey())) {
        throw ApiException.badRequest(Directives.BAD_RETAIN_KEYS);
      }
    }
    target.retain(keep);
  }

  /**
   * {@code $setElementOrder/<list>}: merges that list (if the patch has it) and puts the result in
   * the given order. Returns the lists it merged, which the caller must not merge again.
   */
  private static Set<String> setElementOrders(ObjectNode target, ObjectNode patch, PatchMeta meta) {
    Set<String> ordered = new HashSet<>();
    for (Map.Entry<String, JsonNode> directive : patch.properties()) {
      if (!directive.getKey().startsWith(Directives.SET_ELEMENT_ORDER)) {
        continue;
      }
      String field = Directives.listField(directive.getKey(), Directives.SET_ELEMENT_ORDER,
          Directives.BAD_SET_ELEMENT_ORDER);
      ListStrategy strategy = meta.listStrategy(field);
      List<JsonNode> wanted = wantedOrder(directive.getValue(), strategy);
      JsonNode current = target.get(field);
      JsonNode change = patch.get(field);
      boolean hasCurrent = current != null && current.isArray();
      boolean hasChange = change != null && change.isArray();
      // A list that is deleted, replaced whole, or absent on both sides has no order to merge.
      if (change != null && !hasChange || !hasCurrent && !hasChange || strategy.kind() == ListStrategy.Kind.REPLACE) {
        continue;
      }
      ArrayNode before = hasCurrent ? (ArrayNode) current : JsonNodeFactory.instance.arrayNode();
      List<JsonNode> serverOrder = strategy.identities(before);
      ArrayNode merged = hasChange ? ListMerge.merge(before, (ArrayNode) change, strategy, meta.field(field)) : before;
      target.set(field, ElementOrder.arrange(merged.values(), wanted, serverOrder, strategy));
      ordered.add(field);
    }
    return ordered;
  }

  private static List<JsonNode> wantedOrder(JsonNode order, ListStrategy strategy) {
    if (!order.isArray()) {
      throw ApiException.badRequest(Directives.BAD_SET_ELEMENT_ORDER);
    }
    List<JsonNode> wanted = strategy.identities(order);
    if (wanted.contains(null)) {
      throw ApiException.badRequest(Directives.BAD_SET_ELEMENT_ORDER);
    }
    return wanted;
  }

  /** {@code $deleteFromPrimitiveList/<list>}: removes every occurrence of the given scalars. */
  private static void deleteFromPrimitiveList(ObjectNode target, String key, JsonNode values) {
    String field = Directives.listField(key, Directives.DELETE_FROM_PRIMITIVE_LIST, Directives.BAD_PRIMITIVE_LIST);
    if (!values.isArray()) {
      throw ApiException.badRequest(Directives.BAD_PRIMITIVE_LIST);
    }
    JsonNode current = target.get(field);
    if (current == null || !current.isArray()) {
      return;
    }
    List<JsonNode> doomed = new ArrayList<>(values.values());
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    current.forEach(value -> {
      if (!JsonValues.contains(doomed, value)) {
        kept.add(value);
      }
    });
    target.set(field, kept);
  }
}
