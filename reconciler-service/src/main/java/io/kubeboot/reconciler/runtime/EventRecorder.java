package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Event;
import io.kubeboot.common.DaemonThreads;
import io.kubeboot.common.events.CoreEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects, as upstream's event recorder, for {@code kubectl describe}.
 * Best effort: an event that cannot be written is logged and dropped, never failing a reconcile;
 * as upstream's recorder, it writes asynchronously and drops what its spam filter holds back.
 */
public final class EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  /** Events waiting to be written; beyond this many, new ones are dropped (they are information only). */
  private static final int QUEUED = 1000;

  private final KubernetesClient client;
  private final EventSpamFilter spamFilter;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(QUEUED), DaemonThreads.named("event-recorder"), new ThreadPoolExecutor.DiscardPolicy());

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.spamFilter = new EventSpamFilter(clock);
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

  /** Written in order on a thread of its own: a slow API must not slow the reconcile that reports. */
  private void record(HasMetadata object, String component, String type, String reason, String message) {
    Event event = CoreEvents.about(object, null, component, null, type, reason, message, Instant.now());
    var about = event.getInvolvedObject();
    if (!spamFilter.allow(component, about.getKind() + "/" + about.getNamespace() + "/" + about.getName() + "/"
        + about.getUid())) {
      return;
    }
    sender.execute(() -> {
      try {
        client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
      } catch (KubernetesClientException e) {
        log.debug("event {} {} about {} not recorded: {}", reason, message, object.getMetadata().getName(),
            e.toString());
      }
    });
  }
}
