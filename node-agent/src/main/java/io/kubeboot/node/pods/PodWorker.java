package io.kubeboot.node.pods;

import com.github.dockerjava.api.exception.DockerException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.probes.ProbeManager;
import io.kubeboot.node.probes.ProbeResult;
import io.kubeboot.node.probes.ProbeType;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.ImageResult;
import io.kubeboot.node.runtime.Labels;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.status.ContainerWaiting;
import io.kubeboot.node.status.EventRecorder;
import io.kubeboot.node.status.PodStatusCalculator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Converges one pod: sandbox, then init containers one by one to completion, then the app
 * containers, restarting by restartPolicy with back-off; or, for a pod being deleted, stops and
 * removes its containers and deletes the pod for good. A running container whose liveness or
 * start-up probe failed is killed and then restarted like a crashed one. Ends by telling the probe
 * manager which containers run and writing the status it observed.
 */
class PodWorker {

  private static final Logger log = LoggerFactory.getLogger(PodWorker.class);

  /** Failed pulls per pod container: the image back-off. */
  private record PullFailure(int failures, Instant retryAt, String message) {
  }

  private final DockerRuntime runtime;
  private final KubernetesClient client;
  private final EnvResolver env;
  private final EventRecorder events;
  private final PodMetrics metrics;
  private final ProbeManager probes;
  private final NodeProperties node;
  private final Clock clock;
  private final Map<String, PullFailure> pullFailures = new ConcurrentHashMap<>();
  /** Back-offs already announced with an event, so a resync does not repeat it. */
  private final Set<String> announced = ConcurrentHashMap.newKeySet();

  PodWorker(DockerRuntime runtime, KubernetesClient client, EnvResolver env, EventRecorder events,
      PodMetrics metrics, ProbeManager probes, NodeProperties node, Clock clock) {
    this.runtime = runtime;
    this.client = client;
    this.env = env;
    this.events = events;
    this.metrics = metrics;
    this.probes = probes;
    this.node = node;
    this.clock = clock;
  }

  SyncOutcome sync(Pod pod) {
    String uid = pod.getMetadata().getUid();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      terminate(pod, runtime.podContainers(uid));
      return SyncOutcome.done();
    }
    long start = System.nanoTime();
    Map<String, ContainerWaiting> waiting = new HashMap<>();
    SyncOutcome outcome = SyncOutcome.done();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
      outcome = converge(pod, runtime.podContainers(uid), waiting);
    }
    long converged = System.nanoTime();
    List<PodContainer> observed = runtime.podContainers(uid);
    probes.sync(pod, observed);
    long inspected = System.nanoTime();
    String written = writeStatus(pod, observed, waiting);
    if (log.isDebugEnabled()) {
      log.debug("synced pod {}/{} in {} ms (converge {} ms, observe {} ms, status {} ms){}",
          pod.getMetadata().getNamespace(), pod.getMetadata().getName(), (System.nanoTime() - start) / 1_000_000,
          (converged - start) / 1_000_000, (inspected - converged) / 1_000_000,
          (System.nanoTime() - inspected) / 1_000_000, written == null ? "" : ", wrote phase " + written);
    }
    return outcome;
  }

  /** Removes the containers and volumes of a pod that is gone from the API. */
  void forget(String uid, List<PodContainer> containers) {
    containers.forEach(c -> runtime.remove(c.id()));
    removeVolumes(uid);
    probes.forget(uid);
    pullFailures.keySet().removeIf(key -> key.startsWith(uid + "/"));
    announced.removeIf(key -> key.startsWith(uid + "/"));
  }

  private SyncOutcome converge(Pod pod, List<PodContainer> containers, Map<String, ContainerWaiting> waiting) {
    Optional<PodContainer> sandbox = latest(containers, Labels.SANDBOX);
    String sandboxId;
    if (sandbox.isEmpty()) {
      sandboxId = runtime.create(ContainerSpecs.sandbox(pod, node.name(), node.pauseImage(), node.networkName()));
      runtime.start(sandboxId);
    } else {
      sandboxId = sandbox.get().id();
      if (!sandbox.get().running()) {
        runtime.start(sandboxId);
      }
    }
    String restartPolicy = Objects.requireNonNullElse(pod.getSpec().getRestartPolicy(), "Always");
    for (Container init : pod.getSpec().getInitContainers()) {
      Optional<PodContainer> latest = latest(containers, init.getName());
      if (latest.isPresent() && latest.get().succeeded()) {
        continue;
      }
      pod.getSpec().getContainers().forEach(c -> waiting.put(c.getName(), ContainerWaiting.of("PodInitializing")));
      if (latest.isPresent() && !latest.get().exited()) {
        return SyncOutcome.done(); // still running: its exit brings the next resync
      }
      if (latest.isPresent() && "Never".equals(restartPolicy)) {
        return SyncOutcome.done(); // failed for good: the pod fails
      }
      return run(pod, init, latest, sandboxId, waiting);
    }
    SyncOutcome outcome = SyncOutcome.done();
    for (Container app : pod.getSpec().getContainers()) {
      Optional<PodContainer> latest = latest(containers, app.getName());
      if (latest.isPresent() && latest.get().running()) {
        Optional<ProbeType> failed = failedProbe(latest.get());
        if (failed.isEmpty()) {
          continue;
        }
        latest = kill(pod, app, latest.get(), failed.get(), restartPolicy);
      }
      if (latest.isPresent() && !latest.get().exited()) {
        continue;
      }
      if (latest.isPresent() && !shouldRestart(restartPolicy, latest.get())) {
        continue;
      }
      outcome = outcome.or(run(pod, app, latest, sandboxId, waiting));
    }
    return outcome;
  }

  /** The probe whose failure means the container must be killed: liveness, or a start-up probe that gave up. */
  private Optional<ProbeType> failedProbe(PodContainer running) {
    return Stream.of(ProbeType.STARTUP, ProbeType.LIVENESS)
        .filter(type -> probes.result(running.id(), type) == ProbeResult.FAILURE).findFirst();
  }

  /**
   * Stops the container with the probe's (or else the pod's) grace period, as upstream's
   * computePodActions does; returns it as it is now, exited, for the restart decision.
   */
  private Optional<PodContainer> kill(Pod pod, Container app, PodContainer running, ProbeType failed,
      String restartPolicy) {
    String message = "Container " + app.getName() + " failed " + failed.label().toLowerCase(Locale.ROOT)
        + " probe" + ("Never".equals(restartPolicy) ? "" : ", will be restarted");
    events.normal(pod, app.getName(), "Killing", message);
    Long grace = failed.of(app).getTerminationGracePeriodSeconds();
    if (grace == null) {
      grace = Objects.requireNonNullElse(pod.getSpec().getTerminationGracePeriodSeconds(), 30L);
    }
    runtime.stop(running.id(), (int) Math.max(0, grace));
    return runtime.inspect(running.id());
  }

  private static boolean shouldRestart(String restartPolicy, PodContainer exited) {
    return "Always".equals(restartPolicy) || "OnFailure".equals(restartPolicy) && exited.exitCode() != 0;
  }

  /** Starts the container's next attempt, unless a crash or pull back-off says to wait. */
  private SyncOutcome run(Pod pod, Container container, Optional<PodContainer> latest, String sandboxId,
      Map<String, ContainerWaiting> waiting) {
    String name = container.getName();
    String key = pod.getMetadata().getUid() + "/" + name;
    Instant now = clock.instant();
    if (latest.isPresent()) {
      Duration delay = Backoff.after(latest.get().attempt() + 1);
      Instant restartAt = Objects.requireNonNullElse(latest.get().finishedAt(), now).plus(delay);
      if (now.isBefore(restartAt)) {
        String message = "back-off " + delay.toSeconds() + "s restarting failed container=" + name + " pod="
            + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + pod.getMetadata().getUid()
            + ")";
        waiting.put(name, new ContainerWaiting("CrashLoopBackOff", message));
        if (announced.add(key + "/crash/" + latest.get().attempt())) {
          events.warning(pod, name, "BackOff", "Back-off restarting failed container " + name + " in pod "
              + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace());
        }
        return SyncOutcome.after(Duration.between(now, restartAt));
      }
    }
    Optional<SyncOutcome> pulling = ensureImage(pod, container, key, now, waiting);
    if (pulling.isPresent()) {
      return pulling.get();
    }
    List<String> variables;
    try {
      variables = env.resolve(pod, container);
    } catch (EnvResolver.MissingReference e) {
      waiting.put(name, new ContainerWaiting("CreateContainerConfigError", e.getMessage()));
      events.warning(pod, name, "Failed", "Error: " + e.getMessage());
      return SyncOutcome.after(Backoff.INITIAL);
    }
    int attempt = latest.map(c -> c.attempt() + 1).orElse(0);
    Path volumes = volumesDir(pod.getMetadata().getUid());
    try {
      createVolumeDirs(pod, volumes);
      String id = runtime.create(ContainerSpecs.app(pod, container, attempt, node.name(), sandboxId, variables,
          volumes));
      events.normal(pod, name, "Created", "Created container: " + name);
      runtime.start(id);
      events.normal(pod, name, "Started", "Started container " + name);
    } catch (DockerException e) {
      waiting.put(name, new ContainerWaiting("RunContainerError", e.getMessage()));
      events.warning(pod, name, "Failed", "Error: " + e.getMessage());
      return SyncOutcome.after(Backoff.INITIAL);
    }
    // keep the attempt before this one for `kubectl logs --previous`, no older
    latest.ifPresent(previous -> runtime.podContainers(pod.getMetadata().getUid()).stream()
        .filter(c -> name.equals(c.name()) && c.attempt() < previous.attempt())
        .forEach(c -> runtime.remove(c.id())));
    return SyncOutcome.done();
  }

  /** Empty when the image is there; otherwise the back-off outcome with ErrImagePull or ImagePullBackOff. */
  private Optional<SyncOutcome> ensureImage(Pod pod, Container container, String key, Instant now,
      Map<String, ContainerWaiting> waiting) {
    String name = container.getName();
    PullFailure failure = pullFailures.get(key);
    if (failure != null && now.isBefore(failure.retryAt())) {
      waiting.put(name, new ContainerWaiting("ImagePullBackOff",
          "Back-off pulling image \"" + container.getImage() + "\": " + failure.message()));
      if (announced.add(key + "/pull/" + failure.failures())) {
        events.normal(pod, name, "BackOff", "Back-off pulling image \"" + container.getImage() + "\"");
      }
      return Optional.of(SyncOutcome.after(Duration.between(now, failure.retryAt())));
    }
    if ("Never".equals(container.getImagePullPolicy()) || runtime.hasImage(container.getImage())) {
      return Optional.empty();
    }
    events.normal(pod, name, "Pulling", "Pulling image \"" + container.getImage() + "\"");
    Instant started = clock.instant();
    ImageResult result = runtime.pull(container.getImage());
    if (result instanceof ImageResult.Failed failed) {
      int failures = failure == null ? 1 : failure.failures() + 1;
      Duration delay = Backoff.after(failures);
      pullFailures.put(key, new PullFailure(failures, clock.instant().plus(delay), failed.message()));
      waiting.put(name, new ContainerWaiting("ErrImagePull", failed.message()));
      events.warning(pod, name, "Failed", "Failed to pull image \"" + container.getImage() + "\": "
          + failed.message());
      return Optional.of(SyncOutcome.after(delay));
    }
    pullFailures.remove(key);
    events.normal(pod, name, "Pulled", "Successfully pulled image \"" + container.getImage() + "\" in "
        + Duration.between(started, clock.instant()).toMillis() + "ms");
    return Optional.empty();
  }

  /** SIGTERM with the pod's grace period, removal, and the final DELETE that makes the pod disappear. */
  private void terminate(Pod pod, List<PodContainer> containers) {
    Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (grace == null) {
      grace = Objects.requireNonNullElse(pod.getSpec().getTerminationGracePeriodSeconds(), 30L);
    }
    int seconds = (int) Math.max(0, grace);
    containers.parallelStream().filter(c -> !Labels.SANDBOX.equals(c.name()) && c.running()).forEach(c -> {
      events.normal(pod, c.name(), "Killing", "Stopping container " + c.name());
      runtime.stop(c.id(), seconds);
    });
    forget(pod.getMetadata().getUid(), containers);
    client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
        .withGracePeriod(0).delete();
  }

  /** Writes the status observed unless the API has it already; returns the phase written, or null. */
  private String writeStatus(Pod pod, List<PodContainer> containers, Map<String, ContainerWaiting> waiting) {
    PodStatus status = PodStatusCalculator.calculate(pod, containers, waiting, probes, node.address(),
        clock.instant());
    if (status.equals(pod.getStatus())) {
      return null;
    }
    client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).status()
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":" + client.getKubernetesSerialization().asJson(status) + "}");
    if ("Running".equals(status.getPhase()) && (pod.getStatus() == null
        || !"Running".equals(pod.getStatus().getPhase()))) {
      metrics.podStarted(pod);
    }
    return status.getPhase();
  }

  private void createVolumeDirs(Pod pod, Path volumes) {
    try {
      for (var volume : pod.getSpec().getVolumes()) {
        if (volume.getEmptyDir() != null) {
          Files.createDirectories(volumes.resolve(volume.getName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path volumesDir(String uid) {
    return node.rootDir().resolve("pods").resolve(uid).resolve("volumes");
  }

  private void removeVolumes(String uid) {
    try {
      FileSystemUtils.deleteRecursively(node.rootDir().resolve("pods").resolve(uid));
    } catch (IOException e) {
      // a leftover directory costs disk, nothing else
    }
  }

  private static Optional<PodContainer> latest(List<PodContainer> containers, String name) {
    return PodStatusCalculator.latest(containers, name);
  }
}
