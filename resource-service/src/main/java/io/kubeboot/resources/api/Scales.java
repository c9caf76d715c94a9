package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.common.selector.LabelSelector;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of a workload's
 * {@code spec.replicas}, with the current replicas and the selector as a string in its status.
 * Writing a Scale changes only {@code spec.replicas} of the workload.
 */
final class Scales {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Scales() {
  }

  static ObjectNode toScale(ResourceType type, ObjectNode object) {
    if (!type.hasSubresource("scale")) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    ObjectNode scale = MAPPER.createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    JsonNode source = object.path("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (source.has(field)) {
        metadata.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selectorString(object.path("spec").path("selector")));
    return scale;
  }

  /** The workload with the Scale's replicas; the Scale's resourceVersion stays a precondition. */
  static ObjectNode applyScale(ResourceType type, ObjectNode current, ObjectNode scale) {
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
      throw ApiException.invalid("Scale", "autoscaling", Metadata.name(current), java.util.List.of(
          io.kubeboot.common.api.FieldError.invalid("spec.replicas", replicas.isMissingNode() ? null : replicas,
              "must be greater than or equal to 0")));
    }
    ObjectNode updated = current.deepCopy();
    updated.withObject("/spec").put("replicas", replicas.asInt());
    Metadata.of(updated).put("resourceVersion", Metadata.resourceVersion(scale).isEmpty()
        ? Metadata.resourceVersion(current) : Metadata.resourceVersion(scale));
    return updated;
  }

  private static String selectorString(JsonNode selector) {
    if (selector.isMissingNode() || selector.isNull()) {
      return "";
    }
    io.fabric8.kubernetes.api.model.LabelSelector typed =
        MAPPER.convertValue(selector, io.fabric8.kubernetes.api.model.LabelSelector.class);
    if (typed.getMatchLabels() != null) {
      typed.setMatchLabels(new TreeMap<>(typed.getMatchLabels()));
    }
    return LabelSelector.of(typed).toString();
  }
}
