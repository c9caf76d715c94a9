package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.status.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The probes of one running container (one Docker container, so one attempt of a pod's container):
 * a worker per probe it declares, the verdicts they reached, and the pod sync they trigger when a
 * verdict changes. Started when the container is seen running, stopped when it is not.
 */
final class ContainerProber {

  /** What the prober needs from its manager: running attempts, reporting them, time, and the pod's sync. */
  record Context(ProbeRunner runner, EventRecorder events, ProbeMetrics metrics, Clock clock,
      Consumer<ObjectKey> onChange) {
  }

  private final Pod pod;
  private final Container spec;
  private final PodContainer running;
  private final Context context;
  private final List<ProbeWorker> workers = new ArrayList<>();
  private final Map<ProbeType, ProbeResult> results = new EnumMap<>(ProbeType.class);
  private volatile String podIp;

  ContainerProber(Pod pod, Container spec, PodContainer running, String podIp, Context context) {
    this.pod = pod;
    this.spec = spec;
    this.running = running;
    this.podIp = podIp;
    this.context = context;
    for (ProbeType type : ProbeType.values()) {
      Probe probe = type.of(spec);
      if (probe != null) {
        workers.add(new ProbeWorker(type, probe, this));
      }
    }
  }

  void start(ScheduledExecutorService scheduler) {
    workers.forEach(w -> w.start(scheduler));
  }

  void stop() {
    workers.forEach(ProbeWorker::stop);
    context.metrics().forget(podUid(), spec.getName());
  }

  String podUid() {
    return pod.getMetadata().getUid();
  }

  String containerId() {
    return running.id();
  }

  /** A recreated sandbox may come back with another address. */
  void podIp(String ip) {
    this.podIp = ip;
  }

  synchronized ProbeResult result(ProbeType type) {
    return results.getOrDefault(type, type.initial());
  }

  /** Upstream's {@code started}: the start-up probe succeeded, or there is none. */
  boolean started() {
    return spec.getStartupProbe() == null || result(ProbeType.STARTUP) == ProbeResult.SUCCESS;
  }

  Instant startedAt() {
    return running.startedAt();
  }

  Instant now() {
    return context.clock().instant();
  }

  /** One attempt, counted and, when it failed, told as an Unhealthy event as upstream does for each failure. */
  ProbeOutcome attempt(ProbeType type, Probe probe, Duration timeout) {
    Instant begin = now();
    ProbeOutcome outcome = context.runner().run(probe, new ProbeTarget(podIp, running.id(), spec), timeout);
    context.metrics().record(type, outcome.result(), Duration.between(begin, now()),
        pod.getMetadata().getNamespace(), pod.getMetadata().getName(), podUid(), spec.getName());
    if (outcome.error()) {
      context.events().warning(pod, spec.getName(), "Unhealthy", type.label() + " probe errored: "
          + outcome.output());
    } else if (outcome.result() == ProbeResult.FAILURE) {
      context.events().warning(pod, spec.getName(), "Unhealthy", type.label() + " probe failed: "
          + outcome.output());
    }
    return outcome;
  }

  /** Keeps a verdict; a changed one syncs the pod, so status and restarts follow without waiting for a resync. */
  void publish(ProbeType type, ProbeResult result) {
    ProbeResult before;
    synchronized (this) {
      before = results.put(type, result);
    }
    before = before == null ? type.initial() : before;
    if (before != result) {
      context.onChange().accept(ObjectKey.of(pod));
    }
  }

  @Override
  public String toString() {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + ":" + spec.getName();
  }
}
