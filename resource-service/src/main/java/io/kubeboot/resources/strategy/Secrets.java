package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's secret strategy: type Opaque by default, {@code stringData} folded into
 * {@code data} (the v1 conversion does that, so stored secrets never carry stringData), valid
 * keys, 1 MiB, the keys each type requires, and a type that never changes.
 */
final class Secrets extends BaseStrategy<Secret> {

  private static final FieldPath DATA = FieldPath.of("data");

  Secrets(ResourceType resourceType) {
    super(resourceType, Secret.class, NameRule.DNS1123_SUBDOMAIN, null);
  }

  @Override
  void applyDefaults(Secret secret) {
    if (Nulls.isEmpty(secret.getType())) {
      secret.setType("Opaque");
    }
    if (!Nulls.map(secret.getStringData()).isEmpty()) {
      Map<String, String> data = new LinkedHashMap<>(Nulls.map(secret.getData()));
      secret.getStringData().forEach((key, value) -> data.put(key,
          Base64.getEncoder().encodeToString(Nulls.string(value).getBytes(StandardCharsets.UTF_8))));
      secret.setData(data);
    }
    secret.setStringData(null);
  }

  @Override
  List<FieldError> validateObject(Secret secret) {
    Map<String, String> data = Nulls.map(secret.getData());
    List<FieldError> errors = new ArrayList<>(KeyedData.keys(data, DATA));
    if (data.values().stream().mapToLong(Secrets::decodedLength).sum() > KeyedData.MAX_SIZE) {
      errors.add(FieldErrors.tooLong(DATA, KeyedData.MAX_SIZE));
    }
    errors.addAll(requiredKeys(secret, data));
    return errors;
  }

  @Override
  List<FieldError> validateTransition(Secret secret, Secret old) {
    List<FieldError> errors = new ArrayList<>(FieldErrors.immutable(secret.getType(), old.getType(),
        FieldPath.of("type")));
    errors.addAll(KeyedData.immutable(secret.getImmutable(), old.getImmutable(),
        List.of(KeyedData.changed("data", secret.getData(), old.getData()))));
    return errors;
  }

  /** The size of base64 data once decoded (its raw length if it is not base64). */
  static long decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(Nulls.string(base64)).length;
    } catch (IllegalArgumentException notBase64) {
      return Nulls.string(base64).length();
    }
  }

  private static List<FieldError> requiredKeys(Secret secret, Map<String, String> data) {
    switch (Nulls.string(secret.getType())) {
      case "kubernetes.io/service-account-token":
        String account = secret.getMetadata() == null ? null
            : Nulls.map(secret.getMetadata().getAnnotations()).get("kubernetes.io/service-account.name");
        return Nulls.isEmpty(account)
            ? List.of(FieldErrors.required(FieldPath.of("metadata", "annotations").key("kubernetes.io/service-account.name")))
            : List.of();
      case "kubernetes.io/dockercfg":
        return presentKeys(data, List.of(".dockercfg"));
      case "kubernetes.io/dockerconfigjson":
        return presentKeys(data, List.of(".dockerconfigjson"));
      case "kubernetes.io/basic-auth":
        // either may be empty, but one of them must be there
        return data.containsKey("username") || data.containsKey("password") ? List.of()
            : presentKeys(data, List.of("username", "password"));
      case "kubernetes.io/ssh-auth":
        return Nulls.isEmpty(data.get("ssh-privatekey")) ? List.of(FieldErrors.required(DATA.key("ssh-privatekey")))
            : List.of();
      case "kubernetes.io/tls":
        return presentKeys(data, List.of("tls.crt", "tls.key"));
      default:
        return List.of();
    }
  }

  private static List<FieldError> presentKeys(Map<String, String> data, List<String> keys) {
    return keys.stream().filter(key -> !data.containsKey(key)).map(key -> FieldErrors.required(DATA.key(key))).toList();
  }
}
