package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Upstream's configmap validation: valid keys, not in both data and binaryData, at most 1 MiB. */
final class ConfigMaps extends BaseStrategy<ConfigMap> {

  private static final FieldPath DATA = FieldPath.of("data");

  ConfigMaps(ResourceType resourceType) {
    super(resourceType, ConfigMap.class, NameRule.DNS1123_SUBDOMAIN, null);
  }

  @Override
  List<FieldError> validateObject(ConfigMap configMap) {
    Map<String, String> data = Nulls.map(configMap.getData());
    Map<String, String> binaryData = Nulls.map(configMap.getBinaryData());
    List<FieldError> errors = new ArrayList<>(KeyedData.keys(data, DATA));
    data.keySet().stream().filter(binaryData::containsKey).sorted().forEach(key ->
        errors.add(FieldErrors.invalid(DATA.key(key), key, "duplicate of key present in binaryData")));
    errors.addAll(KeyedData.keys(binaryData, FieldPath.of("binaryData")));
    long size = data.values().stream().mapToLong(v -> Nulls.string(v).getBytes(StandardCharsets.UTF_8).length).sum()
        + binaryData.values().stream().mapToLong(v -> Secrets.decodedLength(v)).sum();
    if (size > KeyedData.MAX_SIZE) {
      // upstream reports the whole object, with an empty path
      errors.add(FieldErrors.tooLong(FieldPath.of(""), KeyedData.MAX_SIZE));
    }
    return errors;
  }

  @Override
  List<FieldError> validateTransition(ConfigMap configMap, ConfigMap old) {
    return KeyedData.immutable(configMap.getImmutable(), old.getImmutable(), List.of(
        KeyedData.changed("data", configMap.getData(), old.getData()),
        KeyedData.changed("binaryData", configMap.getBinaryData(), old.getBinaryData())));
  }
}
