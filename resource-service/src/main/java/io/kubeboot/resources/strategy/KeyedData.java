package io.kubeboot.resources.strategy;

import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What ConfigMaps and Secrets share: keys that are valid file names, at most 1 MiB of data, and
 * once {@code immutable} is true, neither the data nor the flag may change.
 */
final class KeyedData {

  /** Upstream's {@code MaxSecretSize}, also the ConfigMap limit. */
  static final int MAX_SIZE = 1024 * 1024;
  private static final String IMMUTABLE = "field is immutable when `immutable` is set";

  private KeyedData() {
  }

  static List<FieldError> keys(Map<String, String> data, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    for (String key : new TreeMap<>(Nulls.map(data)).keySet()) {
      errors.addAll(FieldErrors.invalidEach(path.key(key), key, StringFormats.configMapKey(key)));
    }
    return errors;
  }

  static List<FieldError> immutable(Boolean immutable, Boolean oldImmutable, List<Map.Entry<FieldPath, Boolean>> dataChanged) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(oldImmutable)) {
      return errors;
    }
    if (!Boolean.TRUE.equals(immutable)) {
      errors.add(FieldErrors.forbidden(FieldPath.of("immutable"), IMMUTABLE));
    }
    for (Map.Entry<FieldPath, Boolean> data : dataChanged) {
      if (data.getValue()) {
        errors.add(FieldErrors.forbidden(data.getKey(), IMMUTABLE));
      }
    }
    return errors;
  }

  static Map.Entry<FieldPath, Boolean> changed(String field, Map<String, String> data, Map<String, String> old) {
    return Map.entry(FieldPath.of(field), !Objects.equals(Nulls.map(data), Nulls.map(old)));
  }
}
