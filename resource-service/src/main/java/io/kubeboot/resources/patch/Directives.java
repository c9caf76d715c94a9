package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The special keys of a strategic merge patch, and upstream's wording (package {@code mergepatch})
 * for the ways they can be malformed.
 */
final class Directives {

  /** {@code "$patch": "replace" | "delete"} in a map or list element ({@code "merge"} is refused). */
  static final String PATCH = "$patch";
  static final String REPLACE = "replace";
  static final String DELETE = "delete";
  static final String MERGE = "merge";

  /** {@code "$retainKeys": [...]}: the map keeps only these keys. */
  static final String RETAIN_KEYS = "$retainKeys";
  /** {@code "$setElementOrder/<list>": [...]}: the order the merged list must have. */
  static final String SET_ELEMENT_ORDER = "$setElementOrder";
  /** {@code "$deleteFromPrimitiveList/<list>": [...]}: scalars to remove from a merged list. */
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  static final String BAD_RETAIN_KEYS = "invalid patch format of retainKeys";
  static final String BAD_SET_ELEMENT_ORDER = "invalid patch format of setElementOrder list";
  static final String BAD_PRIMITIVE_LIST = "invalid patch format of primitive list";

  private Directives() {
  }

  /**
   * Whether the key is one of the directives; any other key, even one starting with {@code $}
   * (a JSON schema's {@code $ref}), is an ordinary field, as upstream.
   */
  static boolean isDirective(String key) {
    return key.equals(PATCH) || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  }

  /** The list a parallel-list directive is about: {@code containers} of {@code $setElementOrder/containers}. */
  static String listField(String key, String prefix, String formatError) {
    if (key.length() <= prefix.length() + 1 || key.charAt(prefix.length()) != '/') {
      throw ApiException.badRequest(formatError);
    }
    return key.substring(prefix.length() + 1);
  }

  /** Whether a {@code $patch} value is the given directive. */
  static boolean is(JsonNode directive, String name) {
    return directive.isString() && directive.asString().equals(name);
  }

  static ApiException unknownPatchType(Object directive, Object in) {
    return ApiException.badRequest("unknown patch type: " + directive + " in map: " + in);
  }

  static ApiException noMergeKey(Object element, String mergeKey) {
    return ApiException.badRequest("map: " + element + " does not contain declared merge key: " + mergeKey);
  }
}
