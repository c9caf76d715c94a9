package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DaemonSet controller with the real scheduler and two real node agents, driven by kubectl:
 * one Running pod per node, placed by node affinity, a rollout kubectl reports as complete, and a
 * template change rolled out node by node.
 */
class DaemonSetIT {

  private static final String NS = "daemons";
  static WorkloadCluster cluster;

  @BeforeAll
  static void start() {
    cluster = WorkloadCluster.start(NS, 2, "scheduler-service", "reconciler-service");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void runsOnePodOnEachNodeAndRollsOutATemplateChange() throws Exception {
    Kubectl.Result applied = cluster.kubectl.withInput("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: %s
        spec:
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              terminationGracePeriodSeconds: 2
              containers:
              - name: agent
                image: kubeboot/busybox:latest
                command: ["sleep", "3600"]
        """.formatted(NS), "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    DaemonSet ds = cluster.client.apps().daemonSets().inNamespace(NS).withName("agent").get();

    List<Pod> first = awaitOneRunningPodPerNode();
    assertThat(first).allSatisfy(pod -> {
      OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getUid()).isEqualTo(ds.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
      assertThat(pod.getMetadata().getLabels()).containsKey("controller-revision-hash");
      assertThat(pod.getSpec().getTolerations()).anyMatch(t -> "node.kubernetes.io/not-ready".equals(t.getKey())
          && "NoExecute".equals(t.getEffect()) && "Exists".equals(t.getOperator()));
      assertThat(pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
          .getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues()).containsExactly(pod.getSpec().getNodeName());
    });
    assertThat(rolloutStatus()).contains("daemon set \"agent\" successfully rolled out");
    DaemonSet rolledOut = cluster.client.apps().daemonSets().inNamespace(NS).withName("agent").get();
    assertThat(rolledOut.getStatus().getDesiredNumberScheduled()).isEqualTo(2);
    assertThat(rolledOut.getStatus().getNumberReady()).isEqualTo(2);
    assertThat(rolledOut.getStatus().getNumberMisscheduled()).isZero();
    assertThat(cluster.events(NS)).anyMatch(e -> "SuccessfulCreate".equals(e.getReason())
        && e.getMessage().equals("Created pod: " + first.get(0).getMetadata().getName()));

    Kubectl.Result changed = cluster.kubectl.run("-n", NS, "set", "env", "daemonset/agent", "GREETING=hello");
    assertThat(changed.exitCode()).as(changed.toString()).isZero();
    assertThat(rolloutStatus()).contains("daemon set \"agent\" successfully rolled out");
    List<Pod> second = awaitOneRunningPodPerNode();
    assertThat(second).allSatisfy(pod -> {
      assertThat(pod.getSpec().getContainers().get(0).getEnv()).anyMatch(env -> "GREETING".equals(env.getName()));
      assertThat(pod.getMetadata().getLabels().get("controller-revision-hash"))
          .isNotEqualTo(first.get(0).getMetadata().getLabels().get("controller-revision-hash"));
    });
  }

  /** Exactly one live pod per node, Running: the daemon's steady state. */
  private static List<Pod> awaitOneRunningPodPerNode() {
    return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
        cluster.client.pods().inNamespace(NS).withLabel("app", "agent").list().getItems(), pods -> {
          Map<String, Long> perNode = pods.stream().filter(p -> p.getSpec().getNodeName() != null)
              .collect(java.util.stream.Collectors.groupingBy(p -> p.getSpec().getNodeName(),
                  java.util.stream.Collectors.counting()));
          return pods.size() == 2 && perNode.keySet().equals(java.util.Set.copyOf(cluster.nodeNames()))
              && perNode.values().stream().allMatch(count -> count == 1)
              && pods.stream().allMatch(p -> p.getMetadata().getDeletionTimestamp() == null
                  && "Running".equals(p.getStatus().getPhase()));
        });
  }

  private static String rolloutStatus() throws Exception {
    return cluster.kubectl.outputUntil("successfully rolled out", Duration.ofSeconds(150), "-n", NS, "rollout",
        "status", "daemonset/agent", "--timeout=140s");
  }
}
