package io.kubeboot.gateway.table;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.selector.LabelSelector;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading an API object's JSON the way printers need it: a missing field is the Go zero value
 * ({@code ""}, {@code 0}, no items), never an error, since a printer must print whatever is stored.
 */
final class Fields {

  private static final JsonMapper FABRIC8 = JsonMapper.builder().build();

  private Fields() {
  }

  /** The node at a path of field names; a missing node if any is absent. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String name : path) {
      current = current.path(name);
    }
    return current;
  }

  static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isValueNode() ? value.asString("") : "";
  }

  static long number(JsonNode node, String... path) {
    return at(node, path).asLong(0);
  }

  static boolean flag(JsonNode node, String... path) {
    return at(node, path).asBoolean(false);
  }

  static String orNone(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }

  static List<JsonNode> items(JsonNode array) {
    return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : List.of();
  }

  /** The number of entries of an array or a map. */
  static int count(JsonNode container) {
    return container.isContainer() ? container.size() : 0;
  }

  /** An RFC 3339 timestamp, or null when absent or unreadable. */
  static Instant time(JsonNode timestamp) {
    String text = timestamp.isString() ? timestamp.asString() : "";
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Upstream's {@code translateTimestampSince}: the AGE of a timestamp, {@code <unknown>} without one. */
  static String since(JsonNode timestamp, Instant now) {
    Instant time = time(timestamp);
    return time == null ? "<unknown>" : HumanDuration.format(Duration.between(time, now));
  }

  static String age(JsonNode object, Instant now) {
    return since(at(object, "metadata", "creationTimestamp"), now);
  }

  static String name(JsonNode object) {
    return text(object, "metadata", "name");
  }

  /** Upstream's {@code labels.FormatLabels}: {@code a=b,c=d} sorted by key, {@code <none>} if empty. */
  static String labels(JsonNode map) {
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString("")));
    return sorted.isEmpty() ? "<none>"
        : sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  /** A {@code metav1.LabelSelector} in its query form, as upstream prints a workload's selector. */
  static String selector(JsonNode selector) {
    if (selector.isMissingNode() || selector.isNull()) {
      return LabelSelector.nothing().toString();
    }
    try {
      return LabelSelector.of(FABRIC8.treeToValue(selector, io.fabric8.kubernetes.api.model.LabelSelector.class))
          .toString();
    } catch (ApiException | JacksonException e) {
      return "<invalid>";
    }
  }

  /** A comma-separated list of one field of each array element. */
  static String join(JsonNode array, Function<JsonNode, String> field) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : items(array)) {
      values.add(field.apply(item));
    }
    return String.join(",", values);
  }
}
