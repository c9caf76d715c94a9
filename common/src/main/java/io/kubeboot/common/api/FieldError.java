package io.kubeboot.common.api;

/**
 * One validation failure at a field path, as upstream's {@code field.Error}; its string form is
 * what kubectl prints, e.g. {@code metadata.name: Invalid value: "A_b": a lowercase RFC 1123 ...}.
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

  public enum Type {
    REQUIRED("FieldValueRequired", "Required value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    UNKNOWN_FIELD("FieldValueInvalid", "Unknown field"),
    IMMUTABLE("FieldValueInvalid", "Invalid value");

    private final String reason;
    private final String text;

    Type(String reason, String text) {
      this.reason = reason;
      this.text = text;
    }

    public String reason() {
      return reason;
    }
  }

  public static FieldError required(String field, String detail) {
    return new FieldError(Type.REQUIRED, field, null, detail);
  }

  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(Type.INVALID, field, value, detail);
  }

  public static FieldError notSupported(String field, Object value, java.util.Collection<String> allowed) {
    return new FieldError(Type.NOT_SUPPORTED, field, value,
        "supported values: " + String.join(", ", allowed.stream().map(v -> "\"" + v + "\"").toList()));
  }

  public static FieldError duplicate(String field, Object value) {
    return new FieldError(Type.DUPLICATE, field, value, null);
  }

  public static FieldError forbidden(String field, String detail) {
    return new FieldError(Type.FORBIDDEN, field, null, detail);
  }

  /** The message upstream gives for changing an immutable field. */
  public static FieldError immutable(String field, Object value) {
    return new FieldError(Type.IMMUTABLE, field, value, "field is immutable");
  }

  public static FieldError unknownField(String field) {
    return new FieldError(Type.UNKNOWN_FIELD, field, null, null);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(field).append(": ").append(type.text);
    switch (type) {
      case INVALID, IMMUTABLE, NOT_SUPPORTED, DUPLICATE -> s.append(": ").append(render(badValue));
      default -> {
      }
    }
    if (type == Type.UNKNOWN_FIELD) {
      return "unknown field \"" + field + "\"";
    }
    if (detail != null && !detail.isEmpty()) {
      s.append(": ").append(detail);
    }
    return s.toString();
  }

  private static String render(Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof String string ? "\"" + string + "\"" : String.valueOf(value);
  }
}
