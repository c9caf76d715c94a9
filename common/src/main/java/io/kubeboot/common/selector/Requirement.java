package io.kubeboot.common.selector;

import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One term of a label selector, as upstream's {@code labels.Requirement}: a key, an operator and
 * the values it compares with. The values are held sorted, so equality, the canonical string and
 * any SQL the storage layer builds from a requirement do not depend on the order a client wrote.
 *
 * <p>How each operator treats a missing label matters for pushing it into SQL: {@code =}, {@code ==},
 * {@code in}, {@code gt} and {@code lt} need the label; {@code !=} and {@code notin} also match
 * objects without it.
 */
public record Requirement(String key, Operator op, Set<String> values) {

  /** The operators of the query syntax; the symbol is how upstream names them in messages. */
  public enum Operator {
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN("in"),
    NOT_IN("notin"),
    EXISTS("exists"),
    DOES_NOT_EXIST("!"),
    GREATER_THAN("gt"),
    LESS_THAN("lt");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Requirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    values = values == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }

  public boolean matches(Map<String, String> labels) {
    boolean present = labels.containsKey(key);
    // A sorted set rejects null lookups; Go has no null strings, so a null value is "".
    String value = Objects.requireNonNullElse(labels.get(key), "");
    return switch (op) {
      case EQUALS, DOUBLE_EQUALS, IN -> present && values.contains(value);
      case NOT_EQUALS, NOT_IN -> !present || !values.contains(value);
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case GREATER_THAN, LESS_THAN -> present && compares(value);
    };
  }

  /** Upstream compares as 64-bit integers and treats anything unparsable as no match. */
  private boolean compares(String value) {
    try {
      long actual = Long.parseLong(value);
      long bound = Long.parseLong(values.iterator().next());
      return op == Operator.GREATER_THAN ? actual > bound : actual < bound;
    } catch (NumberFormatException | NoSuchElementException e) {
      return false;
    }
  }

  /** The canonical query form: {@code !k}, {@code k}, {@code k=v}, {@code k in (a,b)}, {@code k>1}. */
  @Override
  public String toString() {
    String joined = String.join(",", values);
    return switch (op) {
      case DOES_NOT_EXIST -> "!" + key;
      case EXISTS -> key;
      case IN, NOT_IN -> key + " " + op.symbol + " (" + joined + ")";
      case GREATER_THAN -> key + ">" + joined;
      case LESS_THAN -> key + "<" + joined;
      default -> key + op.symbol + joined;
    };
  }

  /**
   * Builds a requirement after upstream's {@code NewRequirement} checks, worded as its field errors
   * (the label parser passes no path, so they are relative: {@code key}, {@code values[0][app]}).
   * {@code values} keeps the caller's order because the error paths index it.
   */
  static Requirement checked(String key, Operator op, List<String> values) {
    List<FieldError> errors = new ArrayList<>();
    List<String> keyProblems = LabelValidation.keyErrors(key);
    if (!keyProblems.isEmpty()) {
      errors.add(FieldError.invalid("key", key, String.join("; ", keyProblems)));
    }
    switch (op) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          errors.add(FieldError.invalid("values", new GoStrings(values),
              "for 'in', 'notin' operators, values set can't be empty"));
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          errors.add(FieldError.invalid("values", new GoStrings(values),
              "exact-match compatibility requires one single value"));
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          errors.add(FieldError.invalid("values", new GoStrings(values),
              "values set must be empty for exists and does not exist"));
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          errors.add(FieldError.invalid("values", new GoStrings(values),
              "for 'Gt', 'Lt' operators, exactly one value is required"));
        }
        for (int i = 0; i < values.size(); i++) {
          if (!isInteger(values.get(i))) {
            errors.add(FieldError.invalid("values[" + i + "]", values.get(i),
                "for 'Gt', 'Lt' operators, the value must be an integer"));
          }
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> problems = LabelValidation.valueErrors(values.get(i));
      if (!problems.isEmpty()) {
        errors.add(FieldError.invalid("values[" + i + "][" + key + "]", values.get(i), String.join("; ", problems)));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidSelectorException(aggregate(errors));
    }
    return new Requirement(key, op, new TreeSet<>(values));
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Upstream's aggregate error: one message alone, several as {@code [a, b]}, duplicates once. */
  static String aggregate(Collection<FieldError> errors) {
    List<String> messages = new ArrayList<>(new LinkedHashSet<>(errors.stream().map(FieldError::toString).toList()));
    return messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]";
  }

  /** Renders a value list the way Go's {@code %#v} prints a {@code []string} in these messages. */
  private record GoStrings(List<String> values) {
    @Override
    public String toString() {
      return "[]string{" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }
  }
}
