package io.kubeboot.resources.strategy;

import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies and JSON text of model objects through fabric8's own serialization, so a copy
 * keeps everything the wire form has (additional properties included) and shares nothing.
 */
final class Copies {

  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.get();

  private Copies() {
  }

  /** Lists and maps are copied element by element: erasure would turn their elements into maps. */
  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(deepCopy(element)));
      return (T) copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, element) -> copy.put(key, deepCopy(element)));
      return (T) copy;
    }
    return SERIALIZATION.clone(value);
  }

  static String json(Object value) {
    return SERIALIZATION.asJson(value);
  }

  static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }
}
