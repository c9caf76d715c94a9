package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A bad value as upstream's {@code field.Error} prints it, because kubectl shows that text
 * verbatim: strings quoted by FieldError itself, numbers plain, and structs in Go's {@code %#v}
 * syntax (e.g. {@code v1.LabelSelector{MatchLabels:map[string]string{"app":"x"},
 * MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}, the form kubectl users know from
 * "field is immutable"). Types without a known Go rendering print as their JSON.
 */
final class GoValue {

  private GoValue() {
  }

  /** A value whose {@code toString} is the Go rendering. */
  private record Rendered(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Object of(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof LabelSelector selector) {
      return new Rendered(selector(selector));
    }
    if (value instanceof IntOrString intOrString) {
      return new Rendered(intOrString(intOrString));
    }
    if (value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v == null || v instanceof String)) {
      @SuppressWarnings("unchecked")
      Map<String, String> strings = (Map<String, String>) map;
      return new Rendered(stringMap(strings));
    }
    if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
      @SuppressWarnings("unchecked")
      List<String> strings = (List<String>) list;
      return new Rendered(stringList(strings));
    }
    return new Rendered(Copies.json(value));
  }

  static String quote(String value) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        case '\r' -> s.append("\\r");
        default -> s.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
      }
    }
    return s.append('"').toString();
  }

  private static String stringMap(Map<String, String> map) {
    // fabric8 cannot tell an absent map from an empty one; absent is what Go usually sees
    if (map == null || map.isEmpty()) {
      return "map[string]string(nil)";
    }
    // Go prints maps with sorted keys
    return new TreeMap<>(map).entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + quote(String.valueOf(e.getValue())))
        .collect(Collectors.joining(", ", "map[string]string{", "}"));
  }

  private static String stringList(List<String> list) {
    if (list == null || list.isEmpty()) {
      return "[]string(nil)";
    }
    return list.stream().map(GoValue::quote).collect(Collectors.joining(", ", "[]string{", "}"));
  }

  private static String selector(LabelSelector selector) {
    Map<String, String> labels = selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    String expressionText = expressions == null || expressions.isEmpty()
        ? "[]v1.LabelSelectorRequirement(nil)"
        : expressions.stream()
            .map(r -> "v1.LabelSelectorRequirement{Key:" + quote(r.getKey()) + ", Operator:" + quote(r.getOperator())
                + ", Values:" + stringList(r.getValues()) + "}")
            .collect(Collectors.joining(", ", "[]v1.LabelSelectorRequirement{", "}"));
    return "v1.LabelSelector{MatchLabels:" + stringMap(labels) + ", MatchExpressions:" + expressionText + "}";
  }

  /**
   * An update strategy struct as Go prints it, e.g. {@code apps.DeploymentStrategy{Type:"Foo",
   * RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}}; a set rolling update shows as JSON
   * where Go would print a pointer address.
   */
  static Object updateStrategy(String goType, String type, String rollingUpdateType, Object rollingUpdate) {
    String rolling = rollingUpdate == null ? "(*" + rollingUpdateType + ")(nil)"
        : "&" + rollingUpdateType + Copies.json(rollingUpdate);
    return new Rendered(goType + "{Type:" + quote(Nulls.string(type)) + ", RollingUpdate:" + rolling + "}");
  }

  private static String intOrString(IntOrString value) {
    if (value.getStrVal() != null) {
      return "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + quote(value.getStrVal()) + "}";
    }
    int number = value.getIntVal() == null ? 0 : value.getIntVal();
    return "intstr.IntOrString{Type:0, IntVal:" + number + ", StrVal:\"\"}";
  }
}
