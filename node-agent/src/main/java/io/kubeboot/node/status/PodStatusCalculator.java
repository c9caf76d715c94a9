package io.kubeboot.node.status;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.kubeboot.node.probes.ProbeResult;
import io.kubeboot.node.probes.ProbeResults;
import io.kubeboot.node.probes.ProbeType;
import io.kubeboot.node.runtime.Labels;
import io.kubeboot.node.runtime.PodContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod's status from what Docker reports and what the sync decided (waiting reasons), the way
 * the kubelet's {@code generateAPIPodStatus} does it, with the probes' verdicts: a container is
 * started once its start-up probe succeeded (or it runs and has none) and ready once started and its
 * readiness probe succeeded (or it has none). Pure: the same inputs give an equal status, so an
 * unchanged pod is not written again.
 */
public final class PodStatusCalculator {

  private PodStatusCalculator() {
  }

  public static PodStatus calculate(Pod pod, List<PodContainer> containers, Map<String, ContainerWaiting> waiting,
      ProbeResults probes, String hostIp, Instant now) {
    PodStatus current = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<ContainerStatus> init = new ArrayList<>();
    for (Container spec : pod.getSpec().getInitContainers()) {
      init.add(status(spec, containers, waiting.get(spec.getName()), true, probes));
    }
    List<ContainerStatus> apps = new ArrayList<>();
    for (Container spec : pod.getSpec().getContainers()) {
      apps.add(status(spec, containers, waiting.get(spec.getName()), false, probes));
    }
    List<String> incomplete = unready(init);
    List<String> unready = unready(apps);
    boolean initialized = incomplete.isEmpty();
    boolean ready = initialized && unready.isEmpty();
    String unreadyMessage = "containers with unready status: " + unready;
    String podIp = latest(containers, Labels.SANDBOX).filter(PodContainer::running).map(PodContainer::ip)
        .orElse(current.getPodIP());
    String startTime = current.getStartTime() != null ? current.getStartTime() : Timestamps.format(now);
    return new PodStatusBuilder(current)
        .withPhase(phase(pod, init, apps))
        .withHostIP(hostIp)
        .withHostIPs(new HostIP(hostIp))
        .withPodIP(podIp)
        .withPodIPs(podIp == null ? List.of() : List.of(new PodIP(podIp)))
        .withStartTime(startTime)
        .withConditions(
            condition(current, "PodScheduled", true, null, null, now),
            condition(current, "Initialized", initialized, "ContainersNotInitialized",
                "containers with incomplete status: " + incomplete, now),
            condition(current, "ContainersReady", unready.isEmpty(), "ContainersNotReady", unreadyMessage, now),
            condition(current, "Ready", ready, "ContainersNotReady", unreadyMessage, now))
        .withInitContainerStatuses(init)
        .withContainerStatuses(apps)
        .build();
  }

  /** Upstream's getPhase: waiting containers keep a pod Pending; stopped ones end it by restartPolicy. */
  static String phase(Pod pod, List<ContainerStatus> init, List<ContainerStatus> apps) {
    String restartPolicy = Objects.requireNonNullElse(pod.getSpec().getRestartPolicy(), "Always");
    for (ContainerStatus status : init) {
      ContainerState state = status.getState();
      if (state.getTerminated() != null && state.getTerminated().getExitCode() != 0 && "Never".equals(restartPolicy)) {
        return "Failed";
      }
      if (!Boolean.TRUE.equals(status.getReady())) {
        return "Pending";
      }
    }
    int waiting = 0;
    int running = 0;
    int stopped = 0;
    int succeeded = 0;
    for (ContainerStatus status : apps) {
      ContainerState state = status.getState();
      if (state.getRunning() != null) {
        running++;
      } else if (state.getTerminated() != null) {
        stopped++;
        if (state.getTerminated().getExitCode() == 0) {
          succeeded++;
        }
      } else if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
        stopped++;
      } else {
        waiting++;
      }
    }
    if (waiting > 0) {
      return "Pending";
    }
    if (running > 0) {
      return "Running";
    }
    if ("Always".equals(restartPolicy)) {
      return "Running";
    }
    if (stopped == succeeded) {
      return "Succeeded";
    }
    return "Never".equals(restartPolicy) ? "Failed" : "Running";
  }

  private static List<String> unready(List<ContainerStatus> statuses) {
    return statuses.stream().filter(s -> !Boolean.TRUE.equals(s.getReady())).map(ContainerStatus::getName).toList();
  }

  private static ContainerStatus status(Container spec, List<PodContainer> containers, ContainerWaiting decided,
      boolean init, ProbeResults probes) {
    Optional<PodContainer> latest = latest(containers, spec.getName());
    Optional<PodContainer> previous = latest.flatMap(l -> containers.stream()
        .filter(c -> spec.getName().equals(c.name()) && c.attempt() == l.attempt() - 1).findFirst());
    ContainerState state;
    ContainerState last = previous.map(PodStatusCalculator::terminated).orElse(new ContainerState());
    if (decided != null) {
      state = new ContainerStateBuilder().withNewWaiting().withReason(decided.reason())
          .withMessage(decided.message()).endWaiting().build();
      if (latest.isPresent() && latest.get().exited()) {
        last = terminated(latest.get());
      }
    } else if (latest.isEmpty() || latest.get().state() == PodContainer.State.CREATED) {
      state = new ContainerStateBuilder().withNewWaiting().withReason("ContainerCreating").endWaiting().build();
    } else if (latest.get().running()) {
      state = new ContainerStateBuilder().withNewRunning()
          .withStartedAt(Timestamps.format(latest.get().startedAt())).endRunning().build();
    } else {
      state = terminated(latest.get());
    }
    boolean running = state.getRunning() != null;
    String id = latest.map(PodContainer::id).orElse(null);
    boolean started = running && passed(spec.getStartupProbe() != null, probes, id, ProbeType.STARTUP);
    boolean ready = init ? latest.map(PodContainer::succeeded).orElse(false) && decided == null
        : started && passed(spec.getReadinessProbe() != null, probes, id, ProbeType.READINESS);
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(spec.getImage())
        .withImageID(latest.map(PodContainer::imageId).orElse(""))
        .withContainerID(latest.map(c -> "docker://" + c.id()).orElse(null))
        .withRestartCount(latest.map(PodContainer::attempt).orElse(0))
        .withState(state)
        .withLastState(last)
        .withReady(ready)
        .withStarted(init ? null : started)
        .build();
  }

  /** No such probe counts as passed. */
  private static boolean passed(boolean declared, ProbeResults probes, String containerId, ProbeType type) {
    return !declared || probes.result(containerId, type) == ProbeResult.SUCCESS;
  }

  private static ContainerState terminated(PodContainer container) {
    String reason = container.exitCode() == 0 ? "Completed" : "Error";
    return new ContainerStateBuilder().withNewTerminated()
        .withExitCode(container.exitCode())
        .withReason(reason)
        .withMessage(container.error() == null || container.error().isEmpty() ? null : container.error())
        .withStartedAt(Timestamps.format(container.startedAt()))
        .withFinishedAt(Timestamps.format(container.finishedAt()))
        .withContainerID("docker://" + container.id())
        .endTerminated().build();
  }

  public static Optional<PodContainer> latest(List<PodContainer> containers, String name) {
    return containers.stream().filter(c -> name.equals(c.name())).max(Comparator.comparingInt(PodContainer::attempt));
  }

  /** Keeps lastTransitionTime while the condition's status stays the same; a False one says why. */
  private static PodCondition condition(PodStatus current, String type, boolean value, String reason,
      String message, Instant now) {
    String status = value ? "True" : "False";
    String since = current.getConditions().stream()
        .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime).filter(Objects::nonNull).findFirst()
        .orElse(Timestamps.format(now));
    PodCondition condition = new PodCondition();
    condition.setType(type);
    condition.setStatus(status);
    condition.setLastTransitionTime(since);
    if (!value) {
      condition.setReason(reason);
      condition.setMessage(message);
    }
    return condition;
  }
}
