package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A list field of a strategic merge patch, combined with the current list by its {@link ListStrategy}. */
final class ListMerge {

  private ListMerge() {
  }

  /**
   * The merged list. {@code current}'s elements may be merged in place; the returned array is new.
   *
   * @param elementMeta what the elements are, for merging their own fields
   */
  static ArrayNode merge(ArrayNode current, ArrayNode patch, ListStrategy strategy, PatchMeta elementMeta) {
    return switch (strategy.kind()) {
      case REPLACE -> replacement(patch.values(), elementMeta);
      case MERGE_PRIMITIVES -> union(current, patch, strategy);
      case MERGE_BY_KEY -> mergeByKey(current, patch, strategy, elementMeta);
    };
  }

  /** The patch's elements, with nulls and directives inside them resolved against nothing. */
  private static ArrayNode replacement(Iterable<JsonNode> elements, PatchMeta elementMeta) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    elements.forEach(element -> result.add(StrategicMergePatch.mergeValue(null, element, ListStrategy.REPLACE,
        elementMeta)));
    return result;
  }

  /** Upstream concatenates and then drops duplicates, those already on the server included. */
  private static ArrayNode union(ArrayNode current, ArrayNode patch, ListStrategy strategy) {
    List<JsonNode> merged = new ArrayList<>();
    for (JsonNode value : concat(current, patch)) {
      if (!JsonValues.contains(merged, value)) {
        merged.add(value);
      }
    }
    return ElementOrder.arrange(merged, strategy.identities(patch), strategy.identities(current), strategy);
  }

  private static ArrayNode mergeByKey(ArrayNode current, ArrayNode patch, ListStrategy strategy,
      PatchMeta elementMeta) {
    List<JsonNode> merged = new ArrayList<>(current.values());
    List<JsonNode> changes = new ArrayList<>();
    boolean replace = false;
    for (JsonNode element : patch) {
      if (!element.isObject()) {
        throw ApiException.badRequest("a list merged by key \"" + strategy.mergeKey()
            + "\" must hold objects, got " + element);
      }
      JsonNode directive = element.get(Directives.PATCH);
      if (directive == null) {
        changes.add(element);
      } else if (Directives.is(directive, Directives.DELETE)) {
        JsonNode key = requireMergeKey(element, strategy);
        merged.removeIf(existing -> JsonValues.same(strategy.identity(existing), key));
      } else if (Directives.is(directive, Directives.REPLACE)) {
        // The whole list becomes the patch's other elements; keep going to drop further directives.
        replace = true;
      } else if (Directives.is(directive, Directives.MERGE)) {
        throw ApiException.badRequest("merging lists cannot yet be specified in the patch");
      } else {
        throw Directives.unknownPatchType(directive, element);
      }
    }
    if (replace) {
      return replacement(changes, elementMeta);
    }

    List<JsonNode> serverOrder = strategy.identities(merged);
    for (JsonNode change : changes) {
      int at = JsonValues.indexOf(strategy.identities(merged), requireMergeKey(change, strategy));
      // Only objects have an identity, so a match is always an object.
      ObjectNode existing = at >= 0 ? (ObjectNode) merged.get(at) : null;
      ObjectNode result = StrategicMergePatch.mergeObject(existing, (ObjectNode) change, elementMeta);
      if (at >= 0) {
        merged.set(at, result);
      } else {
        merged.add(result);
      }
    }
    return ElementOrder.arrange(merged, strategy.identities(changes), serverOrder, strategy);
  }

  private static JsonNode requireMergeKey(JsonNode element, ListStrategy strategy) {
    JsonNode key = strategy.identity(element);
    if (key == null) {
      throw Directives.noMergeKey(element, strategy.mergeKey());
    }
    return key;
  }

  private static List<JsonNode> concat(ArrayNode first, ArrayNode second) {
    List<JsonNode> all = new ArrayList<>(first.values());
    all.addAll(second.values());
    return all;
  }
}
