package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pods/binding}: the scheduler's way to put a pod on a node. Sets {@code spec.nodeName}
 * once (a second bind is a 409, which keeps two schedulers from both succeeding) and records
 * the {@code PodScheduled} condition.
 */
final class PodBinding {

  private PodBinding() {
  }

  static ObjectNode bind(ObjectNode pod, ObjectNode binding) {
    String name = Metadata.name(pod);
    String node = binding.path("target").path("name").asString("");
    if (node.isEmpty()) {
      throw ApiException.invalid("Binding", "", name, java.util.List.of(
          io.kubeboot.common.api.FieldError.required("target.name", "")));
    }
    if (Metadata.deleting(pod)) {
      throw ApiException.conflict("pods/binding", name, "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    String assigned = pod.path("spec").path("nodeName").asString("");
    if (!assigned.isEmpty()) {
      throw ApiException.conflict("pods/binding", name, "pod " + name + " is already assigned to node \""
          + assigned + "\"");
    }
    ObjectNode bound = pod.deepCopy();
    bound.withObject("/spec").put("nodeName", node);
    ArrayNode conditions = bound.withObject("/status").withArray("conditions");
    for (int i = conditions.size() - 1; i >= 0; i--) {
      if ("PodScheduled".equals(conditions.get(i).path("type").asString())) {
        conditions.remove(i);
      }
    }
    ObjectNode scheduled = conditions.addObject();
    scheduled.put("type", "PodScheduled");
    scheduled.put("status", "True");
    scheduled.putNull("lastProbeTime");
    scheduled.put("lastTransitionTime", Metadata.timestamp(Instant.now()));
    return bound;
  }
}
