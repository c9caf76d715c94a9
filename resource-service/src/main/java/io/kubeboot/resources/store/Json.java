package io.kubeboot.resources.store;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Object bodies as stored: compact JSON text of the whole object. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  static String write(ObjectNode object) {
    return MAPPER.writeValueAsString(object);
  }

  static ObjectNode read(String body) {
    return (ObjectNode) MAPPER.readTree(body);
  }
}
