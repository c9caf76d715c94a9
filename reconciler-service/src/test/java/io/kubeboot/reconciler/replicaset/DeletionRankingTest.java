package io.kubeboot.reconciler.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionRankingTest {

  @Test
  void unscheduledThenNotReadyThenNewestGoFirst() {
    Pod oldReady = pod("old-ready", "node-1", true, "2024-01-01T00:00:00Z");
    Pod newReady = pod("new-ready", "node-1", true, "2024-01-02T00:00:00Z");
    Pod notReady = pod("not-ready", "node-1", false, "2024-01-01T00:00:00Z");
    Pod unscheduled = pod("unscheduled", null, false, "2024-01-01T00:00:00Z");

    List<String> order = List.of(oldReady, newReady, notReady, unscheduled).stream()
        .sorted(DeletionRanking.FIRST_TO_DELETE).map(pod -> pod.getMetadata().getName()).toList();

    assertThat(order).containsExactly("unscheduled", "not-ready", "new-ready", "old-ready");
  }

  private static Pod pod(String name, String node, boolean ready, String created) {
    return new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(created).endMetadata()
        .withNewSpec().withNodeName(node).endSpec()
        .withNewStatus().withPhase(node == null ? "Pending" : "Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus().build();
  }
}
