package io.kubeboot.resources.api;

import java.util.Comparator;
import tools.jackson.databind.JsonNode;

/**
 * Equality of JSON values as the API means it: {@code 30} parsed from stored text (an int node)
 * equals {@code 30} written from a fabric8 {@code Long} field (a long node). Jackson's own
 * {@code equals} tells those apart, which would make every round trip look like a change.
 */
final class JsonEquality {

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonEquality() {
  }

  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
