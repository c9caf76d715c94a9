package io.kubeboot.node.pods;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as {@code NAME=value} lines: literal values, configMap and secret
 * keys read through the API, and the pod fields upstream's downward API offers.
 */
class EnvResolver {

  /** A referenced configMap, secret or key that is missing: upstream's CreateContainerConfigError. */
  static final class MissingReference extends Exception {
    MissingReference(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;

  EnvResolver(KubernetesClient client) {
    this.client = client;
  }

  List<String> resolve(Pod pod, Container container) throws MissingReference {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getConfigMapRef() != null) {
        Map<String, String> data = configMap(namespace, from.getConfigMapRef().getName(),
            from.getConfigMapRef().getOptional());
        data.forEach((k, v) -> env.put(prefix + k, v));
      }
      if (from.getSecretRef() != null) {
        Map<String, String> data = secret(namespace, from.getSecretRef().getName(), from.getSecretRef().getOptional());
        data.forEach((k, v) -> env.put(prefix + k, v));
      }
    }
    for (EnvVar variable : container.getEnv()) {
      String value = variable.getValueFrom() == null ? variable.getValue() : valueFrom(pod, variable.getValueFrom());
      if (value != null) {
        env.put(variable.getName(), value);
      }
    }
    List<String> lines = new ArrayList<>();
    env.forEach((k, v) -> lines.add(k + "=" + v));
    return lines;
  }

  private String valueFrom(Pod pod, EnvVarSource source) throws MissingReference {
    String namespace = pod.getMetadata().getNamespace();
    if (source.getConfigMapKeyRef() != null) {
      var ref = source.getConfigMapKeyRef();
      return key(configMap(namespace, ref.getName(), ref.getOptional()), ref.getKey(), ref.getName(),
          ref.getOptional());
    }
    if (source.getSecretKeyRef() != null) {
      var ref = source.getSecretKeyRef();
      return key(secret(namespace, ref.getName(), ref.getOptional()), ref.getKey(), ref.getName(), ref.getOptional());
    }
    if (source.getFieldRef() != null) {
      return switch (source.getFieldRef().getFieldPath()) {
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> namespace;
        case "metadata.uid" -> pod.getMetadata().getUid();
        case "spec.nodeName" -> pod.getSpec().getNodeName();
        case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
        case "status.podIP" -> pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        case "status.hostIP" -> pod.getStatus() == null ? null : pod.getStatus().getHostIP();
        default -> null;
      };
    }
    return null;
  }

  private static String key(Map<String, String> data, String key, String source, Boolean optional)
      throws MissingReference {
    String value = data.get(key);
    if (value == null && !Boolean.TRUE.equals(optional)) {
      throw new MissingReference("couldn't find key " + key + " in " + source);
    }
    return value;
  }

  private Map<String, String> configMap(String namespace, String name, Boolean optional) throws MissingReference {
    ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(name).get();
    if (configMap == null) {
      return missing("configmap \"" + name + "\" not found", optional);
    }
    return configMap.getData() == null ? Map.of() : configMap.getData();
  }

  private Map<String, String> secret(String namespace, String name, Boolean optional) throws MissingReference {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return missing("secret \"" + name + "\" not found", optional);
    }
    Map<String, String> decoded = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> decoded.put(k,
          new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      decoded.putAll(secret.getStringData());
    }
    return decoded;
  }

  private static Map<String, String> missing(String message, Boolean optional) throws MissingReference {
    if (Boolean.TRUE.equals(optional)) {
      return Map.of();
    }
    throw new MissingReference(message);
  }
}
