package io.kubeboot.node.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.kubeboot.node.probes.ProbeResult;
import io.kubeboot.node.probes.ProbeResults;
import io.kubeboot.node.probes.ProbeType;
import io.kubeboot.node.runtime.Labels;
import io.kubeboot.node.runtime.PodContainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodStatusCalculatorTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:10Z");

  private static Pod pod(String restartPolicy, boolean withInit) {
    PodBuilder builder = new PodBuilder().withNewMetadata().withName("p").withNamespace("default").withUid("u")
        .endMetadata().withNewSpec().withRestartPolicy(restartPolicy)
        .addNewContainer().withName("app").withImage("busybox").endContainer().endSpec();
    if (withInit) {
      builder.editSpec().addNewInitContainer().withName("init").withImage("busybox").endInitContainer().endSpec();
    }
    return builder.build();
  }

  private static PodContainer container(String name, int attempt, PodContainer.State state, int exitCode) {
    return new PodContainer("id-" + name + attempt, "u", name, attempt, "busybox", "sha256:1", state, exitCode, "",
        NOW.minusSeconds(5), state == PodContainer.State.EXITED ? NOW.minusSeconds(1) : null,
        Labels.SANDBOX.equals(name) ? "10.244.1.5" : null);
  }

  @Test
  void aRunningContainerMakesThePodRunningAndReadyWithTheSandboxIp() {
    PodStatus status = PodStatusCalculator.calculate(pod("Always", false), List.of(
        container(Labels.SANDBOX, 0, PodContainer.State.RUNNING, 0),
        container("app", 0, PodContainer.State.RUNNING, 0)), Map.of(), ProbeResults.NONE, "127.0.0.1", NOW);

    assertThat(status.getPhase()).isEqualTo("Running");
    assertThat(status.getPodIP()).isEqualTo("10.244.1.5");
    assertThat(status.getHostIP()).isEqualTo("127.0.0.1");
    assertThat(status.getConditions()).extracting(PodCondition::getType, PodCondition::getStatus).containsExactly(
        org.assertj.core.groups.Tuple.tuple("PodScheduled", "True"),
        org.assertj.core.groups.Tuple.tuple("Initialized", "True"),
        org.assertj.core.groups.Tuple.tuple("ContainersReady", "True"),
        org.assertj.core.groups.Tuple.tuple("Ready", "True"));
    assertThat(status.getContainerStatuses().get(0).getContainerID()).isEqualTo("docker://id-app0");
  }

  @Test
  void aCrashLoopShowsTheWaitingReasonTheLastExitAndTheRestartCount() {
    PodStatus status = PodStatusCalculator.calculate(pod("Always", false), List.of(
        container(Labels.SANDBOX, 0, PodContainer.State.RUNNING, 0),
        container("app", 1, PodContainer.State.EXITED, 3)),
        Map.of("app", new ContainerWaiting("CrashLoopBackOff", "back-off 20s")), ProbeResults.NONE, "127.0.0.1", NOW);

    var app = status.getContainerStatuses().get(0);
    assertThat(app.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(app.getLastState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(app.getRestartCount()).isEqualTo(1);
    assertThat(status.getPhase()).isEqualTo("Running");
  }

  @Test
  void phaseFollowsRestartPolicyOnceContainersStop() {
    List<PodContainer> failed = List.of(container("app", 0, PodContainer.State.EXITED, 1));
    List<PodContainer> succeeded = List.of(container("app", 0, PodContainer.State.EXITED, 0));

    assertThat(PodStatusCalculator.calculate(pod("Never", false), failed, Map.of(), ProbeResults.NONE, "h", NOW).getPhase())
        .isEqualTo("Failed");
    assertThat(PodStatusCalculator.calculate(pod("Never", false), succeeded, Map.of(), ProbeResults.NONE, "h", NOW).getPhase())
        .isEqualTo("Succeeded");
    assertThat(PodStatusCalculator.calculate(pod("OnFailure", false), failed, Map.of(), ProbeResults.NONE, "h", NOW).getPhase())
        .isEqualTo("Running");
  }

  @Test
  void aPodWaitsPendingWhileItsInitContainerRuns() {
    PodStatus status = PodStatusCalculator.calculate(pod("Always", true), List.of(
        container("init", 0, PodContainer.State.RUNNING, 0)),
        Map.of("app", ContainerWaiting.of("PodInitializing")), ProbeResults.NONE, "h", NOW);

    assertThat(status.getPhase()).isEqualTo("Pending");
    assertThat(status.getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
  }

  @Test
  void anUnchangedPodGivesAnEqualStatusSoNothingIsWritten() {
    Pod pod = pod("Always", false);
    List<PodContainer> containers = List.of(container(Labels.SANDBOX, 0, PodContainer.State.RUNNING, 0),
        container("app", 0, PodContainer.State.RUNNING, 0));
    pod.setStatus(PodStatusCalculator.calculate(pod, containers, Map.of(), ProbeResults.NONE, "h", NOW));

    assertThat(PodStatusCalculator.calculate(pod, containers, Map.of(), ProbeResults.NONE, "h", NOW.plusSeconds(60)))
        .isEqualTo(pod.getStatus());
  }

  private static Pod probed(boolean readiness, boolean startup) {
    Pod pod = pod("Always", false);
    var app = pod.getSpec().getContainers().get(0);
    if (readiness) {
      app.setReadinessProbe(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(80)).endTcpSocket()
          .build());
    }
    if (startup) {
      app.setStartupProbe(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(80)).endTcpSocket().build());
    }
    return pod;
  }

  private static final List<PodContainer> RUNNING = List.of(container(Labels.SANDBOX, 0, PodContainer.State.RUNNING, 0),
      container("app", 0, PodContainer.State.RUNNING, 0));

  @Test
  void aRunningContainerIsNotReadyUntilItsReadinessProbeSucceeds() {
    PodStatus waiting = PodStatusCalculator.calculate(probed(true, false), RUNNING, Map.of(), ProbeResults.NONE, "h",
        NOW);
    PodStatus passed = PodStatusCalculator.calculate(probed(true, false), RUNNING, Map.of(),
        (id, type) -> type == ProbeType.READINESS ? ProbeResult.SUCCESS : ProbeResult.UNKNOWN, "h", NOW);

    assertThat(waiting.getPhase()).isEqualTo("Running");
    assertThat(waiting.getContainerStatuses().get(0).getReady()).isFalse();
    assertThat(waiting.getContainerStatuses().get(0).getStarted()).isTrue();
    assertThat(waiting.getConditions()).filteredOn(c -> c.getType().endsWith("Ready")).allSatisfy(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("ContainersNotReady");
      assertThat(c.getMessage()).isEqualTo("containers with unready status: [app]");
    });
    assertThat(passed.getContainerStatuses().get(0).getReady()).isTrue();
    assertThat(passed.getConditions()).filteredOn(c -> c.getType().endsWith("Ready"))
        .extracting(PodCondition::getStatus).containsExactly("True", "True");
  }

  @Test
  void theStartupProbeGatesStartedAndReady() {
    PodStatus starting = PodStatusCalculator.calculate(probed(false, true), RUNNING, Map.of(), ProbeResults.NONE, "h",
        NOW);
    PodStatus started = PodStatusCalculator.calculate(probed(false, true), RUNNING, Map.of(),
        (id, type) -> type == ProbeType.STARTUP ? ProbeResult.SUCCESS : type == ProbeType.READINESS
            ? ProbeResult.FAILURE : ProbeResult.SUCCESS, "h", NOW);

    assertThat(starting.getContainerStatuses().get(0).getStarted()).isFalse();
    assertThat(starting.getContainerStatuses().get(0).getReady()).isFalse();
    assertThat(started.getContainerStatuses().get(0).getStarted()).isTrue();
    assertThat(started.getContainerStatuses().get(0).getReady()).as("no readiness probe: ready once started").isTrue();
  }

  @Test
  void withoutProbesARunningContainerIsStartedAndReady() {
    PodStatus status = PodStatusCalculator.calculate(pod("Always", false), RUNNING, Map.of(),
        (id, type) -> ProbeResult.FAILURE, "h", NOW);

    assertThat(status.getContainerStatuses().get(0).getStarted()).isTrue();
    assertThat(status.getContainerStatuses().get(0).getReady()).isTrue();
  }
}
