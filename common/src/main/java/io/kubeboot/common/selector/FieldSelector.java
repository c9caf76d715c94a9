package io.kubeboot.common.selector;

import io.kubeboot.common.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A parsed field selector, as upstream's {@code fields.Selector}: terms {@code field=value},
 * {@code field==value} or {@code field!=value}, separated by commas, all of which must hold.
 * Values may escape {@code \ , =} with a backslash. Immutable.
 *
 * <p>A field is a dotted path into the object's JSON ({@code spec.nodeName},
 * {@code involvedObject.uid}); a field the object lacks compares as "", so {@code spec.nodeName=}
 * selects unscheduled pods. Which fields a resource allows is the caller's business: check
 * {@link #fields()} against the resource's list and answer 400 for the others, as upstream does.
 */
public final class FieldSelector {

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  /** Upstream's short names for nested fields: an Event's {@code source} is its source component. */
  private static final Map<String, String> ALIASES = Map.of("source", "source.component");

  /**
   * Upstream builds selectable fields from Go structs, so an absent bool reads "false" and an
   * absent count "0"; the storage layer needs the same defaults when it turns a term into SQL.
   */
  private static final Map<String, String> ABSENT_VALUES = Map.of(
      "spec.unschedulable", "false",
      "spec.hostNetwork", "false",
      "status.replicas", "0",
      "status.successful", "0");

  private static final String[] OPERATORS = {"!=", "==", "="};

  private final List<FieldRequirement> requirements;

  private FieldSelector(List<FieldRequirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses the {@code fieldSelector} query parameter. Null or empty selects everything. Terms are
   * sorted by their text first, as upstream does, which makes {@link #toString()} canonical.
   *
   * @throws ApiException 400 BadRequest for a term without an operator or a badly escaped value
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isEmpty()) {
      return EVERYTHING;
    }
    List<String> terms = splitTerms(selector);
    terms.sort(null);
    List<FieldRequirement> requirements = new ArrayList<>();
    for (String term : terms) {
      if (term.isEmpty()) {
        continue;
      }
      requirements.add(requirement(selector, term));
    }
    return requirements.isEmpty() ? EVERYTHING : new FieldSelector(requirements);
  }

  /** Splits at commas that are not escaped; the backslashes stay for {@link FieldValueEscaping}. */
  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    int start = 0;
    boolean escaped = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /** The first operator in the term splits it; field names cannot contain one. */
  private static FieldRequirement requirement(String selector, String term) {
    for (int i = 0; i < term.length(); i++) {
      for (String op : OPERATORS) {
        if (term.startsWith(op, i)) {
          String value = FieldValueEscaping.unescape(term.substring(i + op.length()));
          return new FieldRequirement(term.substring(0, i), !op.equals("!="), value);
        }
      }
    }
    throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
  }

  /** Whether every term holds for this object's JSON. */
  public boolean matches(JsonNode object) {
    return requirements.stream().allMatch(r -> r.matches(valueOf(object, r.field())));
  }

  /**
   * The string a field selector compares for {@code field} of {@code object}: the scalar at the
   * dotted path ({@code true}, {@code 3} and text alike), or {@link #absentValue(String)} when the
   * object lacks it or holds null there.
   */
  public static String valueOf(JsonNode object, String field) {
    JsonNode node = object;
    for (String step : ALIASES.getOrDefault(field, field).split("\\.", -1)) {
      node = node.path(step);
    }
    if (node.isMissingNode() || node.isNull()) {
      return absentValue(field);
    }
    return node.isValueNode() ? node.asString() : node.toString();
  }

  /** What a field the object lacks compares as: "" except for upstream's defaulted bools and counts. */
  public static String absentValue(String field) {
    return ABSENT_VALUES.getOrDefault(field, "");
  }

  /** The value an {@code =} term pins {@code field} to, as upstream's {@code RequiresExactMatch}. */
  public Optional<String> requiresExactMatch(String field) {
    return requirements.stream().filter(r -> r.equals() && r.field().equals(field))
        .map(FieldRequirement::value).findFirst();
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** The terms in canonical order; all must hold. */
  public List<FieldRequirement> requirements() {
    return requirements;
  }

  /** The fields the terms name, for checking them against what the resource supports. */
  public Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    requirements.forEach(r -> fields.add(r.field()));
    return fields;
  }

  /** The canonical query form, values escaped: {@code metadata.name=web,spec.nodeName!=}. */
  @Override
  public String toString() {
    return String.join(",", requirements.stream().map(FieldRequirement::toString).toList());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSelector that && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }
}
