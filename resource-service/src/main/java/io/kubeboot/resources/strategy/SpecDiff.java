package io.kubeboot.resources.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A readable list of what differs between two objects, one line per changed leaf
 * ({@code - spec.restartPolicy: "Always"} / {@code + spec.restartPolicy: "Never"}). Upstream
 * appends a Go {@code cmp.Diff} to its "pod updates may not change ..." error; this plays the
 * same role (telling the user which field they touched) in a form Java can produce.
 */
final class SpecDiff {

  private SpecDiff() {
  }

  static String between(Object old, Object updated, String root) {
    List<String> lines = new ArrayList<>();
    diff(tree(old), tree(updated), root, lines);
    return String.join("\n", lines);
  }

  private static JsonNode tree(Object value) {
    return value == null ? null : Copies.serialization().convertValue(value, JsonNode.class);
  }

  private static void diff(JsonNode old, JsonNode updated, String path, List<String> lines) {
    if (old != null && updated != null && old.isObject() && updated.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      old.propertyNames().forEach(names::add);
      updated.propertyNames().forEach(names::add);
      for (String name : names) {
        diff(old.get(name), updated.get(name), path + "." + name, lines);
      }
    } else if (old != null && updated != null && old.isArray() && updated.isArray()) {
      for (int i = 0; i < Math.max(old.size(), updated.size()); i++) {
        diff(old.get(i), updated.get(i), path + "[" + i + "]", lines);
      }
    } else if (old == null ? updated != null : !old.equals(updated)) {
      if (old != null) {
        lines.add("- " + path + ": " + old);
      }
      if (updated != null) {
        lines.add("+ " + path + ": " + updated);
      }
    }
  }
}
