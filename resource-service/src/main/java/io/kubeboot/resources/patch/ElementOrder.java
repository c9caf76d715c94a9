package io.kubeboot.resources.patch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The order of a merged list, by upstream's rule (design proposal "preserve order in strategic
 * merge patch"): the elements the patch names come in the order the patch (or its
 * {@code $setElementOrder} list) gives; the elements only the server has keep their relative order;
 * the two are interleaved by their positions in the server's list. An element new to the server
 * has no such position, so it goes before the server-only elements still waiting: that is why a
 * container added by a patch shows up first, as it does on a real cluster.
 */
final class ElementOrder {

  private ElementOrder() {
  }

  /**
   * @param merged the merged elements
   * @param wanted identities in the order the patch wants
   * @param serverOrder identities in the order of the list before the patch
   */
  static ArrayNode arrange(Collection<JsonNode> merged, List<JsonNode> wanted, List<JsonNode> serverOrder,
      ListStrategy strategy) {
    List<JsonNode> named = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode element : merged) {
      (JsonValues.contains(wanted, strategy.identity(element)) ? named : serverOnly).add(element);
    }
    // List.sort is stable, so duplicates keep the order they came in.
    named.sort(Comparator.comparingInt(element -> JsonValues.indexOf(wanted, strategy.identity(element))));

    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    int s = 0;
    int n = 0;
    while (s < serverOnly.size() || n < named.size()) {
      boolean takeServerOnly = n == named.size()
          || s < serverOnly.size() && comesFirst(strategy.identity(serverOnly.get(s)),
              strategy.identity(named.get(n)), serverOrder);
      result.add(takeServerOnly ? serverOnly.get(s++) : named.get(n++));
    }
    return result;
  }

  /** Whether {@code left} precedes {@code right} on the server; false when either is new to it. */
  private static boolean comesFirst(JsonNode left, JsonNode right, List<JsonNode> serverOrder) {
    int l = JsonValues.indexOf(serverOrder, left);
    int r = JsonValues.indexOf(serverOrder, right);
    return l >= 0 && r >= 0 && l < r;
  }
}
