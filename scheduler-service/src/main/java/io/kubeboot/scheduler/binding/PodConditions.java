package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code PodScheduled=False, reason Unschedulable} to a pod that fits no node, through the
 * {@code status} subresource with a strategic merge patch: conditions merge by type, so the pod's
 * other conditions stay as they are. Skipped when the pod already says the same.
 */
public final class PodConditions {

  static final String TYPE = "PodScheduled";
  static final String UNSCHEDULABLE = "Unschedulable";
  private static final Logger log = LoggerFactory.getLogger(PodConditions.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiRequests api;

  PodConditions(ApiRequests api) {
    this.api = api;
  }

  public void markUnschedulable(Pod pod, String message) {
    if (alreadySays(pod, message)) {
      return;
    }
    Map<String, Object> condition = Map.of("type", TYPE, "status", "False", "reason", UNSCHEDULABLE,
        "message", message, "lastProbeTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        "lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String patch = JSON.writeValueAsString(Map.of("status", Map.of("conditions", List.of(condition))));
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    api.send("PATCH", "/api/v1/namespaces/" + namespace + "/pods/" + name + "/status",
        "application/strategic-merge-patch+json", patch).whenComplete((response, failure) -> {
          if (failure != null || !response.isSuccess()) {
            log.warn("condition {} of pod {}/{} not written: {}", TYPE, namespace, name,
                failure != null ? failure.toString() : response.code() + " " + response.body());
          }
        });
  }

  static boolean alreadySays(Pod pod, String message) {
    List<PodCondition> conditions = pod.getStatus() == null ? List.of() : pod.getStatus().getConditions();
    return conditions.stream().anyMatch(condition -> TYPE.equals(condition.getType())
        && "False".equals(condition.getStatus()) && UNSCHEDULABLE.equals(condition.getReason())
        && message.equals(condition.getMessage()));
  }
}
