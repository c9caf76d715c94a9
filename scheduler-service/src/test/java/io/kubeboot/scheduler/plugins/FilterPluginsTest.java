package io.kubeboot.scheduler.plugins;

import static io.kubeboot.scheduler.plugins.TestObjects.node;
import static io.kubeboot.scheduler.plugins.TestObjects.pod;
import static io.kubeboot.scheduler.plugins.TestObjects.readyNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kubeboot.common.scheduling.Tolerations;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import io.kubeboot.scheduler.framework.Resources;
import io.kubeboot.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterPluginsTest {

  @Test
  void resourcesThatDoNotFitAreNamedInUpstreamOrder() {
    Resources allocatable = new Resources(1000, 1024, 2);
    Resources requested = new Resources(800, 512, 2);

    assertThat(NodeResourcesFit.insufficient(new Resources(300, 1024, 1), requested, allocatable))
        .containsExactly("Too many pods", "Insufficient cpu", "Insufficient memory");
    assertThat(NodeResourcesFit.insufficient(new Resources(200, 512, 1), new Resources(800, 512, 1), allocatable))
        .isEmpty();
  }

  @Test
  void aResourceThePodDoesNotRequestNeverFails() {
    assertThat(NodeResourcesFit.insufficient(new Resources(0, 0, 1), new Resources(5000, 5000, 0),
        new Resources(1000, 1000, 10))).isEmpty();
  }

  @Test
  void resourcesFitCountsThePodsAlreadyOnTheNode() {
    Node node = node("n", "1", "1Gi", 10).build();
    NodeInfo busy = NodeInfo.of(node, List.of(PodInfo.of(pod("a", "700m", "100Mi").build())));

    Status status = new NodeResourcesFit().filter(PodInfo.of(pod("b", "400m", "100Mi").build()), busy);

    assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE);
    assertThat(status.reasons()).containsExactly("Insufficient cpu");
  }

  @Test
  void notReadyAndCordonedNodesAreRejected() {
    Node notReady = new NodeBuilder(readyNode("n")).editStatus().editFirstCondition().withStatus("False")
        .endCondition().endStatus().build();
    Node cordoned = new NodeBuilder(readyNode("n")).editSpec().withUnschedulable(true).endSpec().build();
    PodInfo pod = PodInfo.of(pod("p"));
    PodInfo tolerant = PodInfo.of(new PodBuilder(pod("p")).editSpec().addToTolerations(new TolerationBuilder()
        .withKey("node.kubernetes.io/unschedulable").withOperator("Exists").withEffect("NoSchedule").build())
        .endSpec().build());

    assertThat(new NodeReady().filter(pod, NodeInfo.of(notReady, List.of())).reasons())
        .containsExactly("node(s) were not ready");
    assertThat(new NodeUnschedulable().filter(pod, NodeInfo.of(cordoned, List.of())).reasons())
        .containsExactly("node(s) were unschedulable");
    assertThat(new NodeUnschedulable().filter(tolerant, NodeInfo.of(cordoned, List.of())).isSuccess()).isTrue();
  }

  @Test
  void untoleratedNoScheduleAndNoExecuteTaintsReject() {
    Node tainted = new NodeBuilder(readyNode("n")).editSpec()
        .addToTaints(new TaintBuilder().withKey("soft").withEffect("PreferNoSchedule").build())
        .addToTaints(new TaintBuilder().withKey("gpu").withValue("true").withEffect("NoSchedule").build())
        .endSpec().build();
    Pod plain = pod("p");
    Pod tolerating = new PodBuilder(plain).editSpec().addToTolerations(new TolerationBuilder()
        .withKey("gpu").withValue("true").withEffect("NoSchedule").build()).endSpec().build();

    assertThat(new TaintToleration().filter(PodInfo.of(plain), NodeInfo.of(tainted, List.of())).reasons())
        .containsExactly("node(s) had untolerated taint {gpu: true}");
    assertThat(new TaintToleration().filter(PodInfo.of(tolerating), NodeInfo.of(tainted, List.of())).isSuccess())
        .isTrue();
  }

  @Test
  void tolerationMatchingFollowsUpstream() {
    var taint = new TaintBuilder().withKey("k").withValue("v").withEffect("NoExecute").build();

    assertThat(Tolerations.tolerates(new TolerationBuilder().withOperator("Exists").build(), taint)).isTrue();
    assertThat(Tolerations.tolerates(new TolerationBuilder().withKey("k").withValue("v").build(), taint)).isTrue();
    assertThat(Tolerations.tolerates(new TolerationBuilder().withKey("k").withValue("w").build(), taint)).isFalse();
    assertThat(Tolerations.tolerates(new TolerationBuilder().withKey("k").withOperator("Exists")
        .withEffect("NoSchedule").build(), taint)).isFalse();
  }

  @Test
  void hostPortsConflictOnOverlappingAddressesOnly() {
    Pod holder = new PodBuilder(pod("a")).editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder()
        .withContainerPort(80).withHostPort(8080).withHostIP("10.0.0.1").build()).endContainer().endSpec().build();
    Pod wantsAll = new PodBuilder(pod("b")).editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder()
        .withContainerPort(80).withHostPort(8080).build()).endContainer().endSpec().build();
    Pod wantsOther = new PodBuilder(pod("c")).editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder()
        .withContainerPort(80).withHostPort(8080).withHostIP("10.0.0.2").build()).endContainer().endSpec().build();
    NodeInfo node = NodeInfo.of(readyNode("n"), List.of(PodInfo.of(holder)));

    assertThat(new NodePorts().filter(PodInfo.of(wantsAll), node).reasons())
        .containsExactly("node(s) didn't have free ports for the requested pod ports");
    assertThat(new NodePorts().filter(PodInfo.of(wantsOther), node).isSuccess()).isTrue();
  }

  @Test
  void affinityAndPortFiltersAreSkippedForPodsThatAskForNeither() {
    PodInfo plain = PodInfo.of(pod("a"));
    PodInfo selective = PodInfo.of(new PodBuilder(pod("b")).editSpec().addToNodeSelector("disk", "ssd").endSpec()
        .build());
    PodInfo withPort = PodInfo.of(new PodBuilder(pod("c")).editSpec().editFirstContainer().addToPorts(
        new ContainerPortBuilder().withContainerPort(80).withHostPort(8080).build()).endContainer().endSpec().build());

    assertThat(new NodeAffinity().skips(plain)).isTrue();
    assertThat(new NodeAffinity().skips(selective)).isFalse();
    assertThat(new NodePorts().skips(plain)).isTrue();
    assertThat(new NodePorts().skips(withPort)).isFalse();
  }
}
