package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;

/**
 * The query parameters every write takes: {@code dryRun=All} validates without storing, and
 * {@code fieldValidation} decides what unknown fields do (Strict fails, Warn and Ignore drop).
 */
public record WriteOptions(boolean dryRun, FieldValidation fieldValidation, boolean patch) {

  public enum FieldValidation { STRICT, WARN, IGNORE }

  public static final WriteOptions DEFAULT = new WriteOptions(false, FieldValidation.WARN, false);

  public WriteOptions(boolean dryRun, FieldValidation fieldValidation) {
    this(dryRun, fieldValidation, false);
  }

  /** The same options for a PATCH, whose strict-decoding failures upstream reports differently. */
  public WriteOptions forPatch() {
    return new WriteOptions(dryRun, fieldValidation, true);
  }

  public static WriteOptions parse(String dryRun, String fieldValidation) {
    if (dryRun != null && !dryRun.isEmpty() && !"All".equals(dryRun)) {
      throw ApiException.badRequest("Invalid dry run value: " + dryRun + ", valid values are: All");
    }
    FieldValidation validation = switch (fieldValidation == null ? "" : fieldValidation) {
      case "", "Warn" -> FieldValidation.WARN;
      case "Strict" -> FieldValidation.STRICT;
      case "Ignore" -> FieldValidation.IGNORE;
      default -> throw ApiException.badRequest("fieldValidation must be one of Ignore, Warn or Strict, got: "
          + fieldValidation);
    };
    return new WriteOptions("All".equals(dryRun), validation);
  }
}
