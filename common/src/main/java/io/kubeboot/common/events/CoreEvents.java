package io.kubeboot.common.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the core/v1 Events that {@code kubectl describe} lists, the same way for every component
 * (scheduler, controllers, kubelet); how each one sends them is its own affair.
 */
public final class CoreEvents {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private CoreEvents() {
  }

  /**
   * An event about {@code object} from {@code component} (on {@code host}, for the kubelet).
   *
   * @param fieldPath the part of the object it is about, e.g. {@code spec.containers{app}}; may be null
   */
  public static Event about(HasMetadata object, String fieldPath, String component, String host, String type,
      String reason, String message, Instant now) {
    String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    // upstream names events <object>.<hex unix nanos>; a counter keeps two in one nanosecond apart
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() + SEQUENCE.incrementAndGet();
    return new EventBuilder()
        .withNewMetadata().withName(object.getMetadata().getName() + "." + Long.toHexString(nanos))
        .withNamespace(namespace).endMetadata()
        .withNewInvolvedObject().withApiVersion(object.getApiVersion()).withKind(object.getKind())
        .withName(object.getMetadata().getName()).withNamespace(object.getMetadata().getNamespace())
        .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion())
        .withFieldPath(fieldPath).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent(component).withHost(host).endSource()
        .withReportingComponent(component).withReportingInstance(host)
        .withFirstTimestamp(timestamp).withLastTimestamp(timestamp).withCount(1)
        .build();
  }
}
