package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a PATCH request's body to the stored object, in the three formats kubectl sends. Pure
 * tree-to-tree: the caller reads and writes storage, checks preconditions and validates the result.
 * Thread-safe and stateless.
 */
public final class Patcher {

  public Patcher() {
  }

  /**
   * Applies the patch to a copy of {@code current} (an object as JSON tree, of the kind that
   * {@code resource} describes) and returns the result; {@code current} is left untouched.
   *
   * @throws ApiException 400 for a malformed patch, 422 for a JSON patch that does not apply (a
   *     failed {@code test}, a missing path), 413 for a JSON patch of too many operations; never
   *     any other exception
   */
  public ObjectNode apply(PatchType type, ObjectNode current, byte[] patchBody, ResourceType resource) {
    try {
      return switch (type) {
        case JSON -> JsonPatch.apply(current, PatchBody.parse(patchBody));
        case MERGE -> MergePatch.apply(current.deepCopy(), PatchBody.parseObject(patchBody));
        case STRATEGIC -> StrategicMergePatch.apply(current.deepCopy(), PatchBody.parseObject(patchBody),
            PatchMeta.of(resource));
      };
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug here must still reach the client as a Status, not as a stack trace.
      throw ApiException.internal("applying " + type + " patch: " + e);
    }
  }
}
