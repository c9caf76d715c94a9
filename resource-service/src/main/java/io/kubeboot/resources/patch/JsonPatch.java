package io.kubeboot.resources.patch;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.JsonPatchException;
import io.kubeboot.common.api.ApiException;
import java.util.EnumSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON patch, applied by fabric8's zjsonpatch. The status codes follow upstream's patch
 * handler: a body that is not a list of operation objects is a 400, more than 10000 operations a
 * 413, and any operation that does not apply (a failed {@code test}, a path that does not exist, an
 * unknown {@code op}) a 422.
 */
final class JsonPatch {

  /**
   * zjsonpatch lets {@code remove} of a missing field pass by default; RFC 6902 and upstream's
   * library (evanphx/json-patch) reject it.
   */
  private static final EnumSet<CompatibilityFlags> FLAGS = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

  /** Upstream's {@code maxJSONPatchOperations}. */
  static final int MAX_OPERATIONS = 10_000;

  private JsonPatch() {
  }

  /** Returns the patched copy; {@code current} is not changed. */
  static ObjectNode apply(ObjectNode current, JsonNode operations) {
    requireOperationList(operations);
    JsonNode patched;
    try {
      patched = io.fabric8.zjsonpatch.JsonPatch.apply(operations, current, FLAGS);
    } catch (JsonPatchException e) {
      throw unprocessable(e.getPath() == null ? e.getMessage() : e.getMessage() + " at " + e.getPath());
    } catch (RuntimeException e) {
      // zjsonpatch reports some malformed operations (a bad pointer) with other unchecked exceptions.
      throw unprocessable(e.getMessage());
    }
    if (!patched.isObject()) {
      throw unprocessable("the patched document is not an object");
    }
    return (ObjectNode) patched;
  }

  private static void requireOperationList(JsonNode operations) {
    if (!operations.isArray()) {
      throw ApiException.badRequest("error decoding patch: a JSON patch must be a list of operations");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw ApiException.tooLarge("The allowed maximum operations in a JSON patch is " + MAX_OPERATIONS
          + ", got " + operations.size());
    }
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw ApiException.badRequest("error decoding patch: a JSON patch operation must be an object, got "
            + operation);
      }
    }
  }

  /**
   * Upstream answers with a bare 422 Invalid whose message is the generic sentence below and drops
   * the reason; the reason is appended here because it is the only clue the client gets.
   */
  private static ApiException unprocessable(String reason) {
    return new ApiException(new StatusBuilder()
        .withApiVersion("v1").withKind("Status")
        .withNewMetadata().endMetadata()
        .withStatus("Failure").withCode(422).withReason("Invalid")
        .withMessage("the server rejected our request due to an error in our request: " + reason)
        .build());
  }
}
