package io.kubeboot.resources.patch;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Equality of JSON values as upstream's decoded maps compare them: by value, so the merge key
 * {@code 80} of a stored port equals the {@code 80} of a patch whichever numeric node type Jackson
 * chose for each.
 */
final class JsonValues {

  private JsonValues() {
  }

  /** Equal values; {@code null} (an absent value) equals nothing, not even another absent one. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  static int indexOf(List<JsonNode> values, JsonNode value) {
    for (int i = 0; i < values.size(); i++) {
      if (same(values.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  static boolean contains(List<JsonNode> values, JsonNode value) {
    return indexOf(values, value) >= 0;
  }
}
