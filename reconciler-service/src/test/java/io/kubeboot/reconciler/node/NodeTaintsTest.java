package io.kubeboot.reconciler.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTaintsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void anUnknownNodeIsUnreachableForSchedulingAndExecution() {
    List<Taint> taints = NodeTaints.desired(node(false), "Unknown", NOW);

    assertThat(taints).extracting(t -> t.getKey() + ":" + t.getEffect()).containsExactlyInAnyOrder(
        "user/keep:NoSchedule", "node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute");
    assertThat(taints).filteredOn(t -> "NoExecute".equals(t.getEffect())).extracting(Taint::getTimeAdded)
        .containsExactly("2026-11-30T12:00:00Z");
  }

  @Test
  void aReadyNodeLosesTheConditionTaintsButKeepsTheUsersAndItsCordon() {
    Node node = new NodeBuilder(node(true)).editSpec()
        .addNewTaint().withKey("node.kubernetes.io/unreachable").withEffect("NoExecute").endTaint().endSpec().build();

    assertThat(NodeTaints.desired(node, "True", NOW)).extracting(t -> t.getKey() + ":" + t.getEffect())
        .containsExactlyInAnyOrder("user/keep:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule");
  }

  @Test
  void anExistingTaintKeepsTheTimeItWasAdded() {
    Node node = new NodeBuilder(node(false)).editSpec().addNewTaint().withKey("node.kubernetes.io/not-ready")
        .withEffect("NoExecute").withTimeAdded("2026-11-30T11:00:00Z").endTaint().endSpec().build();

    assertThat(NodeTaints.desired(node, "False", NOW)).filteredOn(t -> "NoExecute".equals(t.getEffect()))
        .extracting(Taint::getTimeAdded).containsExactly("2026-11-30T11:00:00Z");
  }

  private static Node node(boolean cordoned) {
    return new NodeBuilder().withNewMetadata().withName("n").endMetadata().withNewSpec().withUnschedulable(cordoned)
        .addNewTaint().withKey("user/keep").withEffect("NoSchedule").endTaint().endSpec().build();
  }
}
