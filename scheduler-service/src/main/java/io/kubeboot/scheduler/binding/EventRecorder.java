package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.api.model.Event;
import io.kubeboot.common.events.CoreEvents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events about pods as {@code default-scheduler}, which {@code kubectl describe pod}
 * shows. Fire and forget: a lost event must never hold up or fail scheduling.
 */
public final class EventRecorder {

  public static final String COMPONENT = "default-scheduler";
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  private final ApiRequests api;
  private final KubernetesSerialization serialization;

  EventRecorder(ApiRequests api, KubernetesSerialization serialization) {
    this.api = api;
    this.serialization = serialization;
  }

  public void normal(Pod pod, String reason, String message) {
    record(pod, "Normal", reason, message);
  }

  public void warning(Pod pod, String reason, String message) {
    record(pod, "Warning", reason, message);
  }

  private void record(Pod pod, String type, String reason, String message) {
    String namespace = pod.getMetadata().getNamespace();
    Event event = CoreEvents.about(pod, null, COMPONENT, null, type, reason, message, Instant.now());
    event.setAction(reason.equals("Scheduled") ? "Binding" : "Scheduling");
    api.send("POST", "/api/v1/namespaces/" + namespace + "/events", "application/json", serialization.asJson(event))
        .whenComplete((response, failure) -> {
          if (failure != null || !response.isSuccess()) {
            log.warn("event {} for pod {}/{} not recorded: {}", reason, namespace, pod.getMetadata().getName(),
                failure != null ? failure.toString() : response.code() + " " + response.body());
          }
        });
  }
}
