package io.kubeboot.resources.strategy;

import java.util.List;
import java.util.Map;

/**
 * Go's zero values for fabric8's nullable fields: the API rules are written against Go structs,
 * where an absent string is "" and an absent list or map is empty.
 */
final class Nulls {

  private Nulls() {
  }

  static String string(String value) {
    return value == null ? "" : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : value;
  }

  static <K, V> Map<K, V> map(Map<K, V> value) {
    return value == null ? Map.of() : value;
  }

  static int integer(Integer value) {
    return value == null ? 0 : value;
  }

  static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
