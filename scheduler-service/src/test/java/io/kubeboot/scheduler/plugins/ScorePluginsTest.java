package io.kubeboot.scheduler.plugins;

import static io.kubeboot.scheduler.plugins.TestObjects.node;
import static io.kubeboot.scheduler.plugins.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorePluginsTest {

  @Test
  void leastAllocatedPrefersTheEmptierNode() {
    PodInfo pod = PodInfo.of(pod("p", "1", "1Gi").build());
    NodeInfo empty = NodeInfo.of(node("a", "4", "4Gi", 110).build(), List.of());
    NodeInfo half = NodeInfo.of(node("b", "4", "4Gi", 110).build(), List.of(PodInfo.of(pod("q", "2", "2Gi").build())));

    assertThat(new LeastAllocated().score(pod, empty)).isEqualTo(75);
    assertThat(new LeastAllocated().score(pod, half)).isEqualTo(25);
    assertThat(LeastAllocated.free(5, 4)).isZero();
  }

  @Test
  void balancedAllocationPenalisesLopsidedUse() {
    assertThat(BalancedAllocation.balance(0.5, 0.5)).isEqualTo(100);
    assertThat(BalancedAllocation.balance(1.0, 0.0)).isEqualTo(50);
    assertThat(BalancedAllocation.fraction(3, 2)).isEqualTo(1.0);
  }

  @Test
  void spreadGivesNodesWithFewerSiblingsHigherScores() {
    long[] counts = {0, 2, 4};
    ControllerSpread.spread(counts);
    assertThat(counts).containsExactly(100, 50, 0);

    long[] none = {0, 0};
    ControllerSpread.spread(none);
    assertThat(none).containsExactly(100, 100);
  }
}
