package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.JsonNode;

/** Test bodies as kubectl sends them, and objects as they would be stored. */
final class Json {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Json() {
  }

  static <T> T read(String json, Class<T> type) {
    return SERIALIZATION.unmarshal(json, type);
  }

  /** Through text, so numbers compare as parsed numbers whatever their Java type. */
  static JsonNode tree(Object value) {
    return tree(SERIALIZATION.asJson(value));
  }

  static JsonNode tree(String json) {
    return SERIALIZATION.unmarshal(json, JsonNode.class);
  }

  static <T> T copy(T value) {
    return SERIALIZATION.clone(value);
  }
}
