package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.DaemonThreads;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.Labels;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.status.EventRecorder;
import io.kubeboot.node.status.PodStatusCalculator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The kubelet's prober manager: a {@link ContainerProber} for every running container that declares
 * probes, all scheduled on one small thread pool (probe attempts are bounded by their timeouts), and
 * the verdicts they reached. The pod worker tells it, on each sync, which containers run; a verdict
 * that changes asks for a sync of the pod through {@code onChange}.
 */
public class ProbeManager implements ProbeResults, AutoCloseable {

  private static final int THREADS = 4;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(THREADS,
      DaemonThreads.named("kubelet-prober"));
  private final Map<String, ContainerProber> probers = new ConcurrentHashMap<>();
  private final ContainerProber.Context context;

  public ProbeManager(DockerRuntime runtime, EventRecorder events, MeterRegistry registry, Clock clock,
      Consumer<ObjectKey> onChange) {
    this.context = new ContainerProber.Context(new ProbeRunner(runtime), events, new ProbeMetrics(registry), clock,
        onChange);
  }

  /** Starts probers for the pod's running containers that have probes and stops those whose container stopped. */
  public void sync(Pod pod, List<PodContainer> containers) {
    String uid = pod.getMetadata().getUid();
    String podIp = PodStatusCalculator.latest(containers, Labels.SANDBOX).filter(PodContainer::running)
        .map(PodContainer::ip).orElse(null);
    Set<String> running = new HashSet<>();
    for (Container spec : pod.getSpec().getContainers()) {
      if (spec.getLivenessProbe() == null && spec.getReadinessProbe() == null && spec.getStartupProbe() == null) {
        continue;
      }
      PodStatusCalculator.latest(containers, spec.getName()).filter(PodContainer::running).ifPresent(c -> {
        running.add(c.id());
        probers.computeIfAbsent(c.id(), id -> {
          ContainerProber prober = new ContainerProber(pod, spec, c, podIp, context);
          prober.start(scheduler);
          return prober;
        }).podIp(podIp);
      });
    }
    stopWhere(p -> p.podUid().equals(uid) && !running.contains(p.containerId()));
  }

  /** Stops the probers of a pod that is gone. */
  public void forget(String podUid) {
    stopWhere(p -> p.podUid().equals(podUid));
  }

  private void stopWhere(Predicate<ContainerProber> condition) {
    probers.values().stream().filter(condition).toList().forEach(p -> {
      if (probers.remove(p.containerId(), p)) {
        p.stop();
      }
    });
  }

  @Override
  public ProbeResult result(String containerId, ProbeType type) {
    ContainerProber prober = probers.get(containerId);
    return prober == null ? type.initial() : prober.result(type);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
