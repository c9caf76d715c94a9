package io.kubeboot.common.selector;

import java.util.Objects;

/**
 * One term of a field selector: {@code field=value} ({@code ==} is the same) or
 * {@code field!=value}. The value is unescaped; {@link #toString()} escapes it again.
 */
public record FieldRequirement(String field, boolean equals, String value) {

  public FieldRequirement {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
  }

  /** {@code actual} is the field's value as a string, "" when the object lacks the field. */
  public boolean matches(String actual) {
    return value.equals(actual) == equals;
  }

  @Override
  public String toString() {
    return field + (equals ? "=" : "!=") + FieldValueEscaping.escape(value);
  }
}
