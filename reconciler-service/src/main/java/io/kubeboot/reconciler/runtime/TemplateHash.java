package io.kubeboot.reconciler.runtime;

import io.kubeboot.common.resource.ModelSerialization;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash that names a pod template's revision: the Deployment's {@code pod-template-hash}, the
 * DaemonSet's and StatefulSet's {@code controller-revision-hash}. It is FNV-1a (32 bit) over the template's canonical
 * JSON (keys sorted, the hash label itself left out), plus the collision count, written in
 * upstream's "safe" alphabet without vowels so that no hash spells a word.
 */
public final class TemplateHash {

  public static final String LABEL = "pod-template-hash";
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final KubernetesSerialization SERIALIZATION = ModelSerialization.get();
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private TemplateHash() {
  }

  public static String of(PodTemplateSpec template, int collisionCount) {
    int hash = 0x811c9dc5;
    String text = canonical(template) + (collisionCount > 0 ? "/" + collisionCount : "");
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return encode(Integer.toUnsignedString(hash));
  }

  /** Equal templates apart from the hash label: how a ReplicaSet is recognised as a template's own. */
  public static boolean sameTemplate(PodTemplateSpec a, PodTemplateSpec b) {
    return canonical(a).equals(canonical(b));
  }

  static String canonical(PodTemplateSpec template) {
    JsonNode tree = MAPPER.readTree(SERIALIZATION.asJson(template == null ? new PodTemplateSpec() : template));
    if (tree.path("metadata").path("labels") instanceof ObjectNode labels) {
      labels.remove(LABEL);
    }
    StringBuilder out = new StringBuilder();
    write(tree, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (Map.Entry<String, JsonNode> field : fields) {
        if (isEmpty(field.getValue())) {
          continue; // an empty map or list and an absent one mean the same
        }
        out.append('"').append(field.getKey()).append("\":");
        write(field.getValue(), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(element -> {
        write(element, out);
        out.append(',');
      });
      out.append(']');
    } else {
      out.append(node);
    }
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || ((node.isObject() || node.isArray()) && node.isEmpty());
  }

  /** Upstream's SafeEncodeString: each character of the decimal hash mapped into the alphabet. */
  private static String encode(String decimal) {
    StringBuilder out = new StringBuilder();
    for (char c : decimal.toCharArray()) {
      out.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return out.toString();
  }
}
