package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Event;
import io.kubeboot.common.events.CoreEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects, as upstream's event recorder, for {@code kubectl describe}.
 * Best effort: an event that cannot be written is logged and dropped, never failing a reconcile.
 */
public final class EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;

  public EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  /** An event a controller's pure decision logic asks for, recorded once the decision is carried out. */
  public record Planned(boolean warning, String reason, String message) {
  }

  public void record(HasMetadata object, String component, Planned event) {
    record(object, component, event.warning() ? "Warning" : "Normal", event.reason(), event.message());
  }

  public void normal(HasMetadata object, String component, String reason, String message) {
    record(object, component, "Normal", reason, message);
  }

  public void warning(HasMetadata object, String component, String reason, String message) {
    record(object, component, "Warning", reason, message);
  }

  private void record(HasMetadata object, String component, String type, String reason, String message) {
    Event event = CoreEvents.about(object, null, component, null, type, reason, message, Instant.now());
    String namespace = event.getMetadata().getNamespace();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      log.debug("event {} {} about {} not recorded: {}", reason, message, object.getMetadata().getName(), e.toString());
    }
  }
}
