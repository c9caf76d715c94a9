package io.kubeboot.node.probes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.status.EventRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe workers' rules, with scripted probe attempts and no scheduler: each {@code run()} is one period. */
class ProbeWorkerTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:01:00Z");

  /** Answers each probe (named by its exec command) as told, and remembers which ran. */
  static final class ScriptedRunner extends ProbeRunner {
    final Map<String, ProbeOutcome> answers = new HashMap<>();
    final List<String> ran = new ArrayList<>();

    ScriptedRunner() {
      super(null);
    }

    @Override
    ProbeOutcome run(Probe probe, ProbeTarget target, Duration timeout) {
      String name = probe.getExec().getCommand().get(0);
      ran.add(name);
      return answers.get(name);
    }
  }

  /** Keeps the events instead of posting them. */
  static final class Events extends EventRecorder {
    final List<String> messages = new ArrayList<>();

    Events() {
      super(null, "node", Clock.systemUTC());
    }

    @Override
    public void warning(Pod pod, String container, String reason, String message) {
      messages.add(reason + ": " + message);
    }
  }

  private final ScriptedRunner runner = new ScriptedRunner();
  private final Events events = new Events();
  private final List<ObjectKey> syncs = new ArrayList<>();

  private static Probe probe(String name, int failureThreshold, int initialDelay) {
    return new ProbeBuilder().withNewExec().withCommand(name).endExec().withFailureThreshold(failureThreshold)
        .withInitialDelaySeconds(initialDelay).build();
  }

  private ContainerProber prober(Container spec, Instant startedAt) {
    Pod pod = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").withUid("u").endMetadata()
        .withNewSpec().withContainers(spec).endSpec().build();
    PodContainer running = new PodContainer("c1", "u", spec.getName(), 0, "busybox", "sha256:1",
        PodContainer.State.RUNNING, 0, "", startedAt, null, null);
    return new ContainerProber(pod, spec, running, "10.0.0.1", new ContainerProber.Context(runner, events,
        new ProbeMetrics(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC), syncs::add));
  }

  @Test
  void livenessAndReadinessWaitForTheStartupProbeWhichStopsOnceItSucceeded() {
    Container app = new ContainerBuilder().withName("app").withStartupProbe(probe("startup", 3, 0))
        .withLivenessProbe(probe("live", 3, 0)).withReadinessProbe(probe("ready", 3, 0)).build();
    ContainerProber prober = prober(app, NOW.minusSeconds(30));
    ProbeWorker startup = new ProbeWorker(ProbeType.STARTUP, app.getStartupProbe(), prober);
    ProbeWorker liveness = new ProbeWorker(ProbeType.LIVENESS, app.getLivenessProbe(), prober);
    ProbeWorker readiness = new ProbeWorker(ProbeType.READINESS, app.getReadinessProbe(), prober);
    runner.answers.putAll(Map.of("startup", ProbeOutcome.failure("not yet"), "live", ProbeOutcome.success(""),
        "ready", ProbeOutcome.success("")));

    startup.run();
    liveness.run();
    readiness.run();
    assertThat(runner.ran).containsExactly("startup");
    assertThat(prober.started()).isFalse();
    assertThat(events.messages).containsExactly("Unhealthy: Startup probe failed: not yet");

    runner.answers.put("startup", ProbeOutcome.success(""));
    startup.run();
    readiness.run();
    startup.run();
    assertThat(prober.started()).isTrue();
    assertThat(prober.result(ProbeType.READINESS)).isEqualTo(ProbeResult.SUCCESS);
    assertThat(runner.ran).containsExactly("startup", "startup", "ready");
    assertThat(syncs).as("started, then ready: each change syncs the pod").hasSize(2);
  }

  @Test
  void aLivenessFailureIsPublishedAtTheThresholdAndThenTheWorkerHolds() {
    Container app = new ContainerBuilder().withName("app").withLivenessProbe(probe("live", 2, 0)).build();
    ContainerProber prober = prober(app, NOW.minusSeconds(30));
    ProbeWorker liveness = new ProbeWorker(ProbeType.LIVENESS, app.getLivenessProbe(), prober);
    runner.answers.put("live", ProbeOutcome.failure("boom"));

    liveness.run();
    assertThat(prober.result(ProbeType.LIVENESS)).isEqualTo(ProbeResult.SUCCESS);
    assertThat(syncs).isEmpty();
    liveness.run();
    assertThat(prober.result(ProbeType.LIVENESS)).isEqualTo(ProbeResult.FAILURE);
    assertThat(syncs).containsExactly(new ObjectKey("ns", "p"));
    liveness.run();
    assertThat(runner.ran).as("on hold until the container is replaced").hasSize(2);
    assertThat(events.messages).containsExactly("Unhealthy: Liveness probe failed: boom",
        "Unhealthy: Liveness probe failed: boom");
  }

  @Test
  void noProbeRunsBeforeInitialDelaySecondsAndAnErroredAttemptIsNoVerdict() {
    Container app = new ContainerBuilder().withName("app").withReadinessProbe(probe("ready", 1, 10)).build();
    ProbeWorker early = new ProbeWorker(ProbeType.READINESS, app.getReadinessProbe(), prober(app, NOW.minusSeconds(5)));
    ContainerProber later = prober(app, NOW.minusSeconds(15));
    ProbeWorker due = new ProbeWorker(ProbeType.READINESS, app.getReadinessProbe(), later);
    runner.answers.put("ready", ProbeOutcome.error("couldn't find port: http"));

    early.run();
    assertThat(runner.ran).isEmpty();
    due.run();
    assertThat(runner.ran).containsExactly("ready");
    assertThat(later.result(ProbeType.READINESS)).isEqualTo(ProbeResult.FAILURE);
    assertThat(syncs).isEmpty();
    assertThat(events.messages).containsExactly("Unhealthy: Readiness probe errored: couldn't find port: http");
  }
}
