package io.kubeboot.resources.patch;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How a strategic merge patch combines a list field: upstream's {@code patchStrategy} and
 * {@code patchMergeKey} struct tags. Without a tag a list is replaced whole.
 */
record ListStrategy(Kind kind, String mergeKey) {

  enum Kind {
    /** No tag: the patch's list replaces the current one, as in a JSON merge patch. */
    REPLACE,
    /** {@code patchStrategy:"merge"} on scalars (finalizers): a set union. */
    MERGE_PRIMITIVES,
    /** {@code patchStrategy:"merge" patchMergeKey:"k"}: objects with equal {@code k} are merged. */
    MERGE_BY_KEY
  }

  static final ListStrategy REPLACE = new ListStrategy(Kind.REPLACE, null);
  static final ListStrategy PRIMITIVES = new ListStrategy(Kind.MERGE_PRIMITIVES, null);

  static ListStrategy byKey(String mergeKey) {
    return new ListStrategy(Kind.MERGE_BY_KEY, mergeKey);
  }

  /**
   * What identifies an element when lists are merged and ordered: its merge key's value, or the
   * scalar itself; {@code null} (matching nothing) for an object that lacks the key.
   */
  JsonNode identity(JsonNode element) {
    if (kind != Kind.MERGE_BY_KEY) {
      return element;
    }
    return element.isObject() ? element.get(mergeKey) : null;
  }

  List<JsonNode> identities(Iterable<JsonNode> elements) {
    List<JsonNode> identities = new ArrayList<>();
    elements.forEach(element -> identities.add(identity(element)));
    return identities;
  }
}
