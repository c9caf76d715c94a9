package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A PATCH request body read as JSON; anything unreadable is the client's 400, as upstream. */
final class PatchBody {

  // Trailing garbage after the document is a malformed body, not something to ignore.
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PatchBody() {
  }

  static JsonNode parse(byte[] body) {
    JsonNode tree;
    try {
      tree = body == null ? null : MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("error decoding patch: " + withoutLocation(e.getOriginalMessage()));
    }
    if (tree == null || tree.isMissingNode()) {
      throw ApiException.badRequest("error decoding patch: the patch body is empty");
    }
    return tree;
  }

  /** Jackson names the start of an unclosed value by a location that means nothing to the client. */
  private static String withoutLocation(String message) {
    int marker = message.indexOf(" (start marker at ");
    return marker < 0 ? message : message.substring(0, marker);
  }

  /** Merge patches of either kind describe an object, so anything else cannot be one. */
  static ObjectNode parseObject(byte[] body) {
    JsonNode tree = parse(body);
    if (!tree.isObject()) {
      throw ApiException.badRequest("error decoding patch: a merge patch must be a JSON object, got "
          + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return (ObjectNode) tree;
  }
}
