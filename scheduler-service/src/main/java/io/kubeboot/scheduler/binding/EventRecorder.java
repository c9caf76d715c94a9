package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  private final AtomicLong sequence = new AtomicLong();

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
    Instant now = Instant.now();
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    // upstream names events <object>.<hex unix nanos>; a counter keeps two in one nanosecond apart
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() + sequence.incrementAndGet();
    Event event = new EventBuilder()
        .withNewMetadata().withName(pod.getMetadata().getName() + "." + Long.toHexString(nanos))
        .withNamespace(namespace).endMetadata()
        .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withNamespace(namespace)
        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
        .withResourceVersion(pod.getMetadata().getResourceVersion()).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT).withAction(reason.equals("Scheduled") ? "Binding" : "Scheduling")
        .withFirstTimestamp(timestamp).withLastTimestamp(timestamp).withCount(1)
        .build();
    api.send("POST", "/api/v1/namespaces/" + namespace + "/events", "application/json", serialization.asJson(event))
        .whenComplete((response, failure) -> {
          if (failure != null || !response.isSuccess()) {
            log.warn("event {} for pod {}/{} not recorded: {}", reason, namespace, pod.getMetadata().getName(),
                failure != null ? failure.toString() : response.code() + " " + response.body());
          }
        });
  }
}
