package io.kubeboot.node.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import io.kubeboot.node.NodeProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's view of the Docker engine: the node's pod network, the containers it labelled, and
 * the few operations a pod needs. Creation is idempotent by name, so a repeated sync never makes
 * a second container.
 */
public class DockerRuntime {

  private static final Logger log = LoggerFactory.getLogger(DockerRuntime.class);

  private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");
  /** Upstream's exec probes keep at most 10 KiB of a command's output. */
  static final int EXEC_OUTPUT_LIMIT = 10 * 1024;

  private final DockerClient docker;
  private final NodeProperties node;

  public DockerRuntime(DockerClient docker, NodeProperties node) {
    this.docker = docker;
    this.node = node;
  }

  public String version() {
    return docker.versionCmd().exec().getVersion();
  }

  /**
   * Creates the node's bridge network with the node's pod subnet. One left by an earlier run with
   * another subnet (the node was given a new podCIDR) is replaced, unless containers still use it.
   */
  public void ensureNetwork(String subnet) {
    Optional<Network> existing = docker.listNetworksCmd().withNameFilter(node.networkName()).exec().stream()
        .filter(n -> n.getName().equals(node.networkName())).findFirst();
    if (existing.isPresent()) {
      boolean sameSubnet = existing.get().getIpam() != null && existing.get().getIpam().getConfig() != null
          && existing.get().getIpam().getConfig().stream().anyMatch(c -> subnet.equals(c.getSubnet()));
      if (sameSubnet) {
        return;
      }
      try {
        docker.removeNetworkCmd(existing.get().getId()).exec();
      } catch (RuntimeException inUse) {
        log.warn("network {} has another subnet than {} but is in use; keeping it", node.networkName(), subnet);
        return;
      }
    }
    try {
      docker.createNetworkCmd().withName(node.networkName()).withDriver("bridge")
          .withLabels(Map.of(Labels.NODE, node.name()))
          .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(subnet))).exec();
    } catch (ConflictException raced) {
      // created meanwhile: what we wanted
    }
  }


  /**
   * The node's pod network as the engine has it: its subnet and the bridge's own address, the
   * pods' gateway (the engine's default, the subnet's first address, when none was asked for).
   */
  public Optional<PodNetwork> podNetwork() {
    return docker.listNetworksCmd().withNameFilter(node.networkName()).exec().stream()
        .filter(n -> n.getName().equals(node.networkName()))
        .flatMap(n -> n.getIpam() == null || n.getIpam().getConfig() == null ? java.util.stream.Stream.empty()
            : n.getIpam().getConfig().stream())
        .filter(config -> config.getSubnet() != null && config.getSubnet().contains("."))
        .map(config -> PodNetwork.of(config.getSubnet(), config.getGateway()))
        .findFirst();
  }

  /**
   * Every container this node labelled, from one list call without inspecting each: cheap enough
   * for the relist that notices containers changing state.
   */
  public List<ContainerSnapshot> snapshot() {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.NODE, node.name())).exec()
        .stream()
        .map(c -> new ContainerSnapshot(c.getId(), c.getLabels().get(Labels.POD_UID),
            c.getLabels().get(Labels.CONTAINER), c.getState()))
        .toList();
  }

  /** Every container this node labelled, pause containers included, running or not. */
  public List<PodContainer> nodeContainers() {
    return list(Map.of(Labels.NODE, node.name()));
  }

  public List<PodContainer> podContainers(String podUid) {
    return list(Map.of(Labels.NODE, node.name(), Labels.POD_UID, podUid));
  }

  /** The runs of one container of a pod found by namespace and name, for the logs endpoint. */
  public List<PodContainer> podContainers(String namespace, String pod, String container) {
    return list(Map.of(Labels.NODE, node.name(), Labels.POD_NAMESPACE, namespace, Labels.POD_NAME, pod,
        Labels.CONTAINER, container));
  }

  private List<PodContainer> list(Map<String, String> labels) {
    List<PodContainer> result = new ArrayList<>();
    for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
      inspect(container.getId()).ifPresent(result::add);
    }
    return result;
  }

  public Optional<PodContainer> inspect(String id) {
    InspectContainerResponse response;
    try {
      response = docker.inspectContainerCmd(id).exec();
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
    Map<String, String> labels = response.getConfig().getLabels();
    InspectContainerResponse.ContainerState state = response.getState();
    PodContainer.State phase = Boolean.TRUE.equals(state.getRunning()) ? PodContainer.State.RUNNING
        : "created".equals(state.getStatus()) ? PodContainer.State.CREATED : PodContainer.State.EXITED;
    ContainerNetwork network = response.getNetworkSettings() == null ? null
        : response.getNetworkSettings().getNetworks().get(node.networkName());
    Long exitCode = state.getExitCodeLong();
    return Optional.of(new PodContainer(response.getId(), labels.get(Labels.POD_UID),
        labels.get(Labels.CONTAINER), Integer.parseInt(labels.getOrDefault(Labels.ATTEMPT, "0")),
        response.getConfig().getImage(), response.getImageId(), phase, exitCode == null ? 0 : exitCode.intValue(),
        state.getError(), time(state.getStartedAt()), time(state.getFinishedAt()),
        network == null ? null : network.getIpAddress()));
  }

  public boolean hasImage(String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException missing) {
      return false;
    }
  }

  /** Pulls the image; no registry answering is a failure with the engine's message, not an exception. */
  public ImageResult pull(String image) {
    try {
      boolean done = docker.pullImageCmd(image).start().awaitCompletion(60, TimeUnit.SECONDS);
      if (!done) {
        return new ImageResult.Failed("pull of " + image + " timed out");
      }
      return hasImage(image) ? new ImageResult.Pulled() : new ImageResult.Failed("image " + image + " not found");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ImageResult.Failed("interrupted");
    } catch (RuntimeException e) {
      return new ImageResult.Failed(e.getMessage());
    }
  }

  /** Creates the container, or finds the one a previous sync created under the same name. */
  public String create(ContainerSpec spec) {
    HostConfig host = HostConfig.newHostConfig()
        .withBinds(spec.binds().stream().map(Bind::parse).toList())
        .withMemory(spec.memoryBytes())
        .withNanoCPUs(spec.nanoCpus());
    host.withNetworkMode(spec.networkMode() != null ? spec.networkMode() : spec.network());
    CreateContainerCmd cmd = docker.createContainerCmd(spec.image()).withName(spec.name())
        .withLabels(spec.labels()).withEnv(spec.env()).withHostConfig(host);
    if (spec.entrypoint() != null) {
      cmd.withEntrypoint(spec.entrypoint());
    }
    if (spec.cmd() != null) {
      cmd.withCmd(spec.cmd());
    }
    if (spec.workingDir() != null) {
      cmd.withWorkingDir(spec.workingDir());
    }
    if (spec.hostname() != null) {
      cmd.withHostName(spec.hostname()); // the sandbox's: every container of the pod shares its UTS namespace
    }
    try {
      return cmd.exec().getId();
    } catch (ConflictException exists) {
      return docker.inspectContainerCmd(spec.name()).exec().getId();
    }
  }

  public void start(String id) {
    try {
      docker.startContainerCmd(id).exec();
    } catch (NotModifiedException alreadyRunning) {
      // a repeated start is harmless
    }
  }

  /** SIGTERM, then SIGKILL after {@code graceSeconds}. */
  public void stop(String id, int graceSeconds) {
    try {
      docker.stopContainerCmd(id).withTimeout(graceSeconds).exec();
    } catch (NotModifiedException | NotFoundException alreadyStopped) {
      // nothing to stop
    }
  }

  public void remove(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // already removed
    } catch (ConflictException removalInProgress) {
      // the engine is removing it already
    }
  }

  /**
   * Runs {@code command} in the running container (docker exec) and waits at most {@code timeout}
   * for it. A command still running then is left to finish: Docker cannot kill an exec.
   */
  public ExecResult exec(String id, List<String> command, Duration timeout) {
    String execId = docker.execCreateCmd(id).withCmd(command.toArray(String[]::new)).withAttachStdout(true)
        .withAttachStderr(true).exec().getId();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (var callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        synchronized (output) {
          output.write(frame.getPayload(), 0, Math.min(frame.getPayload().length,
              Math.max(0, EXEC_OUTPUT_LIMIT - output.size())));
        }
      }
    })) {
      boolean finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Long exitCode = finished ? docker.inspectExecCmd(execId).exec().getExitCodeLong() : null;
      synchronized (output) {
        return new ExecResult(exitCode == null ? null : exitCode.intValue(), output.toString(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExecResult(null, "interrupted");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams the container's output to {@code sink}; returns when the log ends (or, following, when closed). */
  public <T extends ResultCallback<Frame>> T logs(String id, boolean follow, Integer tail, boolean timestamps,
      T sink) {
    var cmd = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(follow)
        .withTimestamps(timestamps);
    if (tail != null) {
      cmd.withTail(tail);
    }
    return cmd.exec(sink);
  }

  /** Creates (does not start) a process in a running container, as {@code kubectl exec} asks. */
  public String createExec(String containerId, List<String> command, boolean stdin, boolean stdout, boolean stderr,
      boolean tty) {
    return docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new)).withAttachStdin(stdin)
        .withAttachStdout(stdout).withAttachStderr(stderr).withTty(tty).exec().getId();
  }

  /** Starts the exec and attaches to its streams. */
  public HijackedStream startExec(String execId, boolean tty) throws IOException {
    return HijackedStream.open(node.dockerHost(), "/exec/" + execId + "/start",
        "{\"Detach\":false,\"Tty\":" + tty + "}", tty);
  }

  /** Attaches to the streams of a running container, from now on (no earlier output). */
  public HijackedStream attach(String containerId, boolean stdin, boolean stdout, boolean stderr, boolean tty)
      throws IOException {
    return HijackedStream.open(node.dockerHost(), "/containers/" + containerId + "/attach?stream=1&stdin="
        + flag(stdin) + "&stdout=" + flag(stdout) + "&stderr=" + flag(stderr), "", tty);
  }

  private static int flag(boolean value) {
    return value ? 1 : 0;
  }

  /** The exit code of a finished exec; empty while it runs or when the engine does not know one. */
  public Optional<Integer> execExitCode(String execId) {
    var inspect = docker.inspectExecCmd(execId).exec();
    Long code = inspect.getExitCodeLong();
    return Boolean.TRUE.equals(inspect.isRunning()) || code == null ? Optional.empty()
        : Optional.of(code.intValue());
  }

  /** The terminal size of a container with a tty. */
  public void resizeContainer(String containerId, int width, int height) {
    try {
      docker.resizeContainerCmd(containerId).withSize(height, width).exec();
    } catch (NotFoundException | ConflictException finished) {
      // the container ended: nothing left to resize
    }
  }

  /** The terminal size of a tty exec. */
  public void resizeExec(String execId, int width, int height) {
    try {
      docker.resizeExecCmd(execId).withSize(height, width).exec();
    } catch (NotFoundException | ConflictException finished) {
      // the process ended: nothing left to resize
    }
  }

  private static Instant time(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      Instant instant = Instant.parse(value);
      return instant.equals(NEVER) ? null : instant;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
