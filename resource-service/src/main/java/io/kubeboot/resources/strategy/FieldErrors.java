package io.kubeboot.resources.strategy;

import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Upstream's {@code field.Required/Invalid/...} constructors over {@link FieldPath}, plus the few
 * shared checks every validator uses ({@code ValidateNonnegativeField}, immutable fields).
 */
final class FieldErrors {

  static final String NEGATIVE = "must be greater than or equal to 0";

  private FieldErrors() {
  }

  static FieldError required(FieldPath path) {
    return FieldError.required(path.toString(), "");
  }

  static FieldError required(FieldPath path, String detail) {
    return FieldError.required(path.toString(), detail);
  }

  static FieldError invalid(FieldPath path, Object value, String detail) {
    return FieldError.invalid(path.toString(), value, detail);
  }

  static FieldError notSupported(FieldPath path, Object value, Collection<String> allowed) {
    return FieldError.notSupported(path.toString(), value, allowed);
  }

  static FieldError duplicate(FieldPath path, Object value) {
    return FieldError.duplicate(path.toString(), value);
  }

  static FieldError forbidden(FieldPath path, String detail) {
    return FieldError.forbidden(path.toString(), detail);
  }

  static FieldError tooLong(FieldPath path, int maxBytes) {
    return new FieldError(FieldError.Type.TOO_LONG, path.toString(), "", "must have at most " + maxBytes + " bytes");
  }

  /**
   * Upstream's {@code field.NotFound}, printed {@code Not found: "x"}. FieldError has no such
   * type yet, so this is the nearest wording it can carry; the one place to change when it does.
   */
  static FieldError notFound(FieldPath path, Object value) {
    return FieldError.invalid(path.toString(), value, "not found");
  }

  /** Every message of a string check as an Invalid error on one field. */
  static List<FieldError> invalidEach(FieldPath path, Object value, List<String> messages) {
    List<FieldError> errors = new ArrayList<>();
    for (String message : messages) {
      errors.add(invalid(path, value, message));
    }
    return errors;
  }

  /** {@code ValidateNonnegativeField}; absent values are not checked. */
  static List<FieldError> nonNegative(Number value, FieldPath path) {
    if (value != null && value.longValue() < 0) {
      return List.of(invalid(path, value, NEGATIVE));
    }
    return List.of();
  }

  /** {@code ValidateImmutableField}: {@code field is immutable}, showing the new value as Go prints it. */
  static List<FieldError> immutable(Object newValue, Object oldValue, FieldPath path) {
    if (java.util.Objects.equals(newValue, oldValue)) {
      return List.of();
    }
    return List.of(FieldError.immutable(path.toString(), GoValue.of(newValue)));
  }
}
