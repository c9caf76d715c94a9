package io.kubeboot.node.status;

import io.kubeboot.common.DaemonThreads;
import io.fabric8.kubernetes.api.model.Event;
import io.kubeboot.common.events.CoreEvents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the kubelet's events (Pulling, Created, Started, Killing, BackOff, Failed) about a pod's
 * containers. Off the sync path: an event is information, and a slow API must not delay a pod.
 */
public class EventRecorder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final String node;
  private final Clock clock;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(DaemonThreads.named("kubelet-events"));

  public EventRecorder(KubernetesClient client, String node, Clock clock) {
    this.client = client;
    this.node = node;
    this.clock = clock;
  }

  public void normal(Pod pod, String container, String reason, String message) {
    record(pod, container, "Normal", reason, message);
  }

  public void warning(Pod pod, String container, String reason, String message) {
    record(pod, container, "Warning", reason, message);
  }

  private void record(Pod pod, String container, String type, String reason, String message) {
    Event event = CoreEvents.about(pod, container == null ? null : "spec.containers{" + container + "}", "kubelet",
        node, type, reason, message, clock.instant());
    sender.execute(() -> {
      try {
        client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(event).create();
      } catch (RuntimeException e) {
        log.debug("event {} for {} not recorded: {}", reason, pod.getMetadata().getName(), e.getMessage());
      }
    });
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
