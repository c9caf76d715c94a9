package io.kubeboot.reconciler.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which nodes get a daemon pod, how it targets its node, and how many old pods a rolling update replaces. */
class DaemonSetLogicTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void daemonPodsTargetTheirNodeByAffinityAndTolerateNodeConditions() {
    DaemonSet ds = daemonSet(Map.of());
    Pod pod = DaemonPods.podFor(ds, "node-a", "hash1");

    assertThat(pod.getMetadata().getGenerateName()).isEqualTo("agent-");
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "agent")
        .containsEntry("controller-revision-hash", "hash1").containsEntry("pod-template-generation", "3");
    assertThat(pod.getSpec().getNodeName()).isNull();
    assertThat(DaemonPods.targetNode(pod)).contains("node-a");
    assertThat(pod.getSpec().getTolerations()).extracting(Toleration::getKey).containsExactlyInAnyOrder(
        "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "node.kubernetes.io/disk-pressure",
        "node.kubernetes.io/memory-pressure", "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable");
    assertThat(ds.getSpec().getTemplate().getSpec().getTolerations()).as("the cached template is not touched")
        .isEmpty();
  }

  @Test
  void requiredAffinityTermsKeepTheirExpressionsAndGainTheNodeName() {
    DaemonSet ds = new DaemonSetBuilder(daemonSet(Map.of())).editSpec().editTemplate().editSpec().withNewAffinity()
        .withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
        .withMatchExpressions(new NodeSelectorRequirementBuilder().withKey("zone").withOperator("In")
            .withValues("a").build())
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .endSpec().endTemplate().endSpec().build();
    Pod pod = DaemonPods.podFor(ds, "node-a", "h");

    assertThat(NodeEligibility.of(node("node-a", Map.of("zone", "a")), pod).shouldRun()).isTrue();
    assertThat(NodeEligibility.of(node("node-a", Map.of("zone", "b")), pod).shouldRun()).isFalse();
    assertThat(NodeEligibility.of(node("node-b", Map.of("zone", "a")), pod).shouldRun())
        .as("the pod made for node-a fits node-a only").isFalse();
  }

  @Test
  void nodeSelectorAndTaintsDecideEligibility() {
    DaemonSet ds = daemonSet(Map.of("disk", "ssd"));
    Pod pod = DaemonPods.podFor(ds, "n", "h");

    assertThat(NodeEligibility.of(node("n", Map.of("disk", "ssd")), pod)).isEqualTo(new NodeEligibility(true, true));
    assertThat(NodeEligibility.of(node("n", Map.of()), pod)).isEqualTo(NodeEligibility.NONE);
    Node noSchedule = tainted(node("n", Map.of("disk", "ssd")), "dedicated", "NoSchedule");
    assertThat(NodeEligibility.of(noSchedule, pod)).as("a pod already there may stay")
        .isEqualTo(new NodeEligibility(false, true));
    Node noExecute = tainted(node("n", Map.of("disk", "ssd")), "dedicated", "NoExecute");
    assertThat(NodeEligibility.of(noExecute, pod)).isEqualTo(NodeEligibility.NONE);
    Node cordoned = tainted(node("n", Map.of("disk", "ssd")), "node.kubernetes.io/unschedulable", "NoSchedule");
    assertThat(NodeEligibility.of(cordoned, pod).shouldRun()).as("daemon pods tolerate a cordon").isTrue();
    Node notReady = tainted(node("n", Map.of("disk", "ssd")), "node.kubernetes.io/not-ready", "NoExecute");
    assertThat(NodeEligibility.of(notReady, pod).shouldRun()).isTrue();
  }

  @Test
  void nodePlanCreatesWhereMissingKeepsTheOldestAndRemovesWhereNotEligible() {
    Pod older = pod("a-1", "a", "h", "2026-01-01T00:00:00Z", true);
    Pod newer = pod("a-2", "a", "h", "2026-01-01T00:01:00Z", true);
    Pod failed = new PodBuilder(pod("b-1", "b", "h", "2026-01-01T00:00:00Z", false)).editStatus().withPhase("Failed")
        .endStatus().build();
    Pod misplaced = pod("c-1", "c", "h", "2026-01-01T00:00:00Z", true);
    Pod terminating = new PodBuilder(pod("d-1", "d", "h", "2026-01-01T00:00:00Z", true)).editMetadata()
        .withDeletionTimestamp("2026-01-01T00:05:00Z").endMetadata().build();
    Map<String, NodeEligibility> nodes = new LinkedHashMap<>();
    nodes.put("a", new NodeEligibility(true, true));
    nodes.put("b", new NodeEligibility(true, true));
    nodes.put("c", NodeEligibility.NONE);
    nodes.put("d", new NodeEligibility(true, true));
    nodes.put("e", new NodeEligibility(true, true));

    NodePlan plan = NodePlan.of(nodes, Map.of("a", List.of(newer, older), "b", List.of(failed),
        "c", List.of(misplaced), "d", List.of(terminating)));

    assertThat(plan.nodesNeedingPods()).as("d waits until its terminating pod is gone").containsExactly("e");
    assertThat(plan.podsToDelete()).containsExactlyInAnyOrder(newer, failed, misplaced);
    assertThat(plan.failedPods()).containsExactly(failed);
  }

  @Test
  void rollingUpdateReplacesNoMoreThanMaxUnavailableAvailableOldPods() {
    Map<String, List<Pod>> pods = new HashMap<>();
    pods.put("a", List.of(pod("a-1", "a", "old", "2026-01-01T00:00:00Z", true)));
    pods.put("b", List.of(pod("b-1", "b", "old", "2026-01-01T00:00:01Z", true)));
    pods.put("c", List.of(pod("c-1", "c", "old", "2026-01-01T00:00:02Z", false)));
    pods.put("d", List.of(pod("d-1", "d", "new", "2026-01-01T00:00:03Z", true)));

    List<Pod> delete = RollingUpdate.oldPodsToDelete(pods, "new", Optional.empty(), 1, 0, NOW);

    assertThat(delete).extracting(p -> p.getMetadata().getName())
        .as("the unavailable old pod goes at once, plus the oldest available one").containsExactly("c-1", "a-1");
  }

  @Test
  void rollingUpdateWaitsWhileAnUpdatedPodIsNotYetAvailable() {
    Map<String, List<Pod>> pods = new HashMap<>();
    pods.put("a", List.of(pod("a-1", "a", "old", "2026-01-01T00:00:00Z", true)));
    pods.put("b", List.of(pod("b-2", "b", "new", "2026-01-01T00:00:01Z", false)));

    assertThat(RollingUpdate.oldPodsToDelete(pods, "new", Optional.empty(), 1, 0, NOW)).isEmpty();
    assertThat(RollingUpdate.oldPodsToDelete(pods, "new", Optional.empty(), 2, 0, NOW)).hasSize(1);
  }

  @Test
  void maxUnavailablePercentRoundsUpAndIsNeverZero() {
    DaemonSet ds = new DaemonSetBuilder(daemonSet(Map.of())).editSpec().withNewUpdateStrategy()
        .withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString("10%")).endRollingUpdate()
        .endUpdateStrategy().endSpec().build();

    assertThat(RollingUpdate.maxUnavailable(ds, 25)).isEqualTo(3);
    assertThat(RollingUpdate.maxUnavailable(ds, 0)).isEqualTo(1);
    assertThat(RollingUpdate.maxUnavailable(daemonSet(Map.of()), 5)).isEqualTo(1);
  }

  @Test
  void statusCountsTheOldestPodPerEligibleNodeAndMisscheduledOnes() {
    DaemonSet ds = daemonSet(Map.of());
    Map<String, NodeEligibility> nodes = new LinkedHashMap<>();
    nodes.put("a", new NodeEligibility(true, true));
    nodes.put("b", new NodeEligibility(true, true));
    nodes.put("c", NodeEligibility.NONE);
    Map<String, List<Pod>> pods = Map.of("a", List.of(pod("a-1", "a", "h", "2026-01-01T00:00:00Z", true)),
        "c", List.of(pod("c-1", "c", "old", "2026-01-01T00:00:00Z", true)));

    var status = DaemonSetStatuses.calculate(ds, nodes, pods, "h", NOW).status();

    assertThat(status.getDesiredNumberScheduled()).isEqualTo(2);
    assertThat(status.getCurrentNumberScheduled()).isEqualTo(1);
    assertThat(status.getNumberReady()).isEqualTo(1);
    assertThat(status.getNumberAvailable()).isEqualTo(1);
    assertThat(status.getNumberUnavailable()).isEqualTo(1);
    assertThat(status.getUpdatedNumberScheduled()).isEqualTo(1);
    assertThat(status.getNumberMisscheduled()).isEqualTo(1);
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
  }

  private static DaemonSet daemonSet(Map<String, String> nodeSelector) {
    return new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("ns").withUid("uid-1")
        .withGeneration(4L).addToAnnotations("deprecated.daemonset.template.generation", "3").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "agent").endMetadata()
        .withNewSpec().withNodeSelector(nodeSelector).addNewContainer().withName("c").withImage("busybox")
        .endContainer().endSpec().endTemplate().endSpec().build();
  }

  private static Node node(String name, Map<String, String> labels) {
    return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().withNewSpec()
        .endSpec().build();
  }

  private static Node tainted(Node node, String key, String effect) {
    return new NodeBuilder(node).editSpec().addToTaints(new TaintBuilder().withKey(key).withEffect(effect).build())
        .endSpec().build();
  }

  private static Pod pod(String name, String node, String hash, String created, boolean ready) {
    return new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created)
        .addToLabels("controller-revision-hash", hash).endMetadata()
        .withNewSpec().withNodeName(node).endSpec()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .endCondition().endStatus().build();
  }
}
