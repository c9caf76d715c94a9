package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scheduler-service against the real API, Postgres and Kafka: Node objects (no agents) and pods
 * created through the API are bound, or explained, as kube-scheduler would. Every scenario labels
 * its nodes {@code suite=<scenario>} and selects them, so scenarios do not place pods on each other's nodes.
 */
class SchedulerIT {

  static final String NS = "sched";
  static ControlPlane cluster;
  static KubernetesClient client;
  /** The ports of the scheduler replicas running now. */
  static final List<Integer> schedulers = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    cluster = ControlPlane.dedicated();
    schedulers.add(cluster.startComponent("scheduler-service", Map.of()));
    client = cluster.newClient();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
  }

  @AfterAll
  static void close() {
    client.close();
    cluster.close();
  }

  static NodeBuilder node(String name, String suite, String cpu) {
    return new NodeBuilder().withNewMetadata().withName(name).addToLabels("suite", suite).endMetadata()
        .withNewSpec().endSpec()
        .withNewStatus()
        .withCapacity(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
        .withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
        .endStatus();
  }

  /** Creates the node; its status goes through the status subresource should create have dropped it. */
  static void create(Node node) {
    Node created = client.nodes().resource(node).create();
    if (created.getStatus() == null || created.getStatus().getAllocatable().isEmpty()) {
      created.setStatus(node.getStatus());
      client.nodes().resource(created).updateStatus();
    }
  }

  static PodBuilder pod(String name, String suite, String cpu) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().addToNodeSelector("suite", suite)
        .addNewContainer().withName("app").withImage("kubeboot/busybox:latest").withNewResources()
        .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity("64Mi")).endResources()
        .endContainer().endSpec();
  }

  static Pod create(PodBuilder pod) {
    return client.pods().inNamespace(NS).resource(pod.build()).create();
  }

  static String awaitBound(String pod) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nodeOf(pod) != null);
    return nodeOf(pod);
  }

  static String nodeOf(String pod) {
    return client.pods().inNamespace(NS).withName(pod).get().getSpec().getNodeName();
  }

  static List<Event> events(String pod, String reason) {
    return client.v1().events().inNamespace(NS).withField("involvedObject.name", pod).list().getItems().stream()
        .filter(event -> reason.equals(event.getReason())).toList();
  }

  /**
   * The message of a FailedScheduling event that names every fragment: an attempt made before the
   * scheduler saw the scenario's nodes explains less, and the retry their arrival causes explains it all.
   */
  static String awaitFailedScheduling(String pod, String... fragments) {
    return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> events(pod, "FailedScheduling").stream()
        .map(Event::getMessage).filter(message -> List.of(fragments).stream().allMatch(message::contains))
        .findFirst(), java.util.Optional::isPresent).get();
  }

  @Test
  void aPodGoesToTheNodeWithRoomForItsRequests() {
    create(node("res-small", "res", "1").build());
    create(node("res-big", "res", "4").build());

    create(pod("needs-two-cpus", "res", "2"));

    assertThat(awaitBound("needs-two-cpus")).isEqualTo("res-big");
    Event scheduled = Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> events("needs-two-cpus", "Scheduled"), list -> !list.isEmpty()).get(0);
    assertThat(scheduled.getMessage()).isEqualTo("Successfully assigned sched/needs-two-cpus to res-big");
    assertThat(scheduled.getSource().getComponent()).isEqualTo("default-scheduler");
    assertThat(scheduled.getInvolvedObject().getKind()).isEqualTo("Pod");
  }

  @Test
  void nodeSelectorAndRequiredNodeAffinityPickTheMatchingNode() {
    create(node("sel-hdd", "sel", "2").editMetadata().addToLabels("disk", "hdd").endMetadata().build());
    create(node("sel-ssd", "sel", "2").editMetadata().addToLabels("disk", "ssd").endMetadata().build());

    create(pod("wants-ssd", "sel", "100m").editSpec().addToNodeSelector("disk", "ssd").endSpec());
    create(pod("avoids-ssd", "sel", "100m").editSpec().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey("disk").withOperator("NotIn").withValues("ssd").endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec());

    assertThat(awaitBound("wants-ssd")).isEqualTo("sel-ssd");
    assertThat(awaitBound("avoids-ssd")).isEqualTo("sel-hdd");
  }

  @Test
  void onlyPodsToleratingATaintGoToTheTaintedNode() {
    create(node("taint-gpu", "taint", "2").editSpec().addToTaints(new TaintBuilder().withKey("dedicated")
        .withValue("gpu").withEffect("NoSchedule").build()).endSpec().build());

    create(pod("intolerant", "taint", "100m"));
    create(pod("tolerant", "taint", "100m").editSpec().addToTolerations(new TolerationBuilder()
        .withKey("dedicated").withOperator("Equal").withValue("gpu").withEffect("NoSchedule").build()).endSpec());

    assertThat(awaitBound("tolerant")).isEqualTo("taint-gpu");
    assertThat(awaitFailedScheduling("intolerant", "untolerated taint")).contains(
        "1 node(s) had untolerated taint {dedicated: gpu}").endsWith("Preemption is not helpful for scheduling.");
    assertThat(nodeOf("intolerant")).isNull();
  }

  @Test
  void podsWithTheSameHostPortGoToDifferentNodes() {
    create(node("port-1", "port", "2").build());
    create(node("port-2", "port", "2").build());
    for (String name : List.of("web-1", "web-2")) {
      create(pod(name, "port", "100m").editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder()
          .withContainerPort(80).withHostPort(8080).build()).endContainer().endSpec());
    }

    assertThat(List.of(awaitBound("web-1"), awaitBound("web-2"))).containsExactlyInAnyOrder("port-1", "port-2");
  }

  @Test
  void cordonedAndNotReadyNodesAreSkippedUntilTheNodeIsUncordoned() {
    create(node("cordon-1", "cordon", "2").editSpec().withUnschedulable(true).endSpec().build());
    create(node("cordon-2", "cordon", "2").editStatus().editFirstCondition().withStatus("False")
        .withReason("KubeletNotReady").endCondition().endStatus().build());

    create(pod("waits-for-uncordon", "cordon", "100m"));
    String message = awaitFailedScheduling("waits-for-uncordon", "unschedulable", "not ready");
    client.nodes().withName("cordon-1").edit(node -> new NodeBuilder(node).editSpec().withUnschedulable(false)
        .endSpec().build());

    assertThat(message).contains("1 node(s) were unschedulable", "1 node(s) were not ready");
    assertThat(awaitBound("waits-for-uncordon")).isEqualTo("cordon-1");
  }

  @Test
  void anUnschedulablePodIsExplainedAndBoundOnceAFittingNodeAppears() {
    create(node("late-small", "late", "1").build());
    create(pod("too-big", "late", "3"));

    String message = awaitFailedScheduling("too-big", "Insufficient cpu");
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unschedulableCondition("too-big") != null
        && unschedulableCondition("too-big").getMessage().contains("Insufficient cpu"));
    PodCondition condition = unschedulableCondition("too-big");
    create(node("late-1", "late", "4").build());

    assertThat(message).matches("0/\\d+ nodes are available: 1 Insufficient cpu(, \\d+ node\\(s\\) .*)?\\."
        + " preemption: 0/\\d+ nodes are available: \\d+ Preemption is not helpful for scheduling\\.");
    assertThat(condition.getMessage()).startsWith("0/").contains("1 Insufficient cpu");
    assertThat(awaitBound("too-big")).isEqualTo("late-1");
  }

  @Test
  void podsForAnotherSchedulerAreLeftAlone() throws Exception {
    create(node("other-1", "other", "2").build());
    create(pod("mine", "other", "100m"));
    create(pod("not-mine", "other", "100m").editSpec().withSchedulerName("someone-else").endSpec());

    awaitBound("mine");
    Thread.sleep(1000); // nothing to wait for: the point is that nothing happens
    assertThat(nodeOf("not-mine")).isNull();
  }

  @Test
  void withTwoReplicasEachPodIsBoundExactlyOnceByTheLeaseHolder() {
    schedulers.add(cluster.startComponent("scheduler-service", Map.of()));
    create(node("ha-1", "ha", "8").build());
    create(node("ha-2", "ha", "8").build());
    List<String> pods = IntStream.range(0, 20).mapToObj(i -> "ha-pod-" + i).toList();
    pods.forEach(name -> create(pod(name, "ha", "100m")));

    pods.forEach(SchedulerIT::awaitBound);
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> pods.stream().allMatch(name -> !events(name, "Scheduled").isEmpty()));

    assertThat(pods).allSatisfy(name -> assertThat(events(name, "Scheduled")).hasSize(1));
    assertThat(pods).allSatisfy(name -> assertThat(events(name, "FailedScheduling")).isEmpty());
    Lease lease = client.leases().inNamespace("kube-system").withName("kube-scheduler").get();
    assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
  }

  @Test
  void aRestartedSchedulerRebuildsItsCacheFromTheApiAndBindsNothingTwice() {
    create(node("restart-1", "restart", "1").build());
    create(pod("before", "restart", "600m"));
    String node = awaitBound("before");

    schedulers.forEach(cluster::stopComponent);
    schedulers.clear();
    schedulers.add(cluster.startComponent("scheduler-service", Map.of()));
    create(pod("after", "restart", "600m"));

    // the new scheduler knows from the API that "before" holds 600m of restart-1's one cpu
    awaitFailedScheduling("after", "Insufficient cpu");
    create(node("restart-2", "restart", "1").build());
    assertThat(awaitBound("after")).isEqualTo("restart-2");
    assertThat(nodeOf("before")).isEqualTo(node);
    assertThat(events("before", "Scheduled")).hasSize(1);
  }

  static PodCondition unschedulableCondition(String pod) {
    Pod current = client.pods().inNamespace(NS).withName(pod).get();
    return current.getStatus() == null ? null : current.getStatus().getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
            && "Unschedulable".equals(c.getReason()))
        .findFirst().orElse(null);
  }
}
