package io.kubeboot.scheduler.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {

  private final SchedulerCache cache = new SchedulerCache();

  private static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus()
        .withAllocatable(Map.of("cpu", new Quantity("2"), "pods", new Quantity("10"))).endStatus().build();
  }

  private static PodInfo pod(String name, String cpu) {
    return PodInfo.of(new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withNewResources().addToRequests("cpu", new Quantity(cpu))
        .endResources().endContainer().endSpec().build());
  }

  private NodeInfo info(String name) {
    return cache.snapshot().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void assumedPodsTakeRoomUntilForgotten() {
    cache.addOrUpdateNode(node("n"));
    PodInfo pod = pod("p", "500m");

    cache.assume(pod, "n");
    assertThat(info("n").requested().milliCpu()).isEqualTo(500);
    assertThat(cache.isPlaced(pod.key())).isTrue();

    cache.forget(pod.key());
    assertThat(info("n").requested().milliCpu()).isZero();
    assertThat(cache.isPlaced(pod.key())).isFalse();
  }

  @Test
  void aBoundPodConfirmsItsAssumptionAndIsNoLongerForgettable() {
    cache.addOrUpdateNode(node("n"));
    PodInfo pod = pod("p", "500m");
    cache.assume(pod, "n");

    cache.addOrUpdateBoundPod(pod, "n");
    cache.forget(pod.key());

    assertThat(info("n").requested().milliCpu()).isEqualTo(500);
    assertThat(info("n").pods()).hasSize(1);
  }

  @Test
  void eachSnapshotShowsEveryNodeAsItIsNowInAStableOrder() {
    cache.addOrUpdateNode(node("a"));
    cache.addOrUpdateNode(node("b"));
    cache.addOrUpdateNode(node("c"));
    assertThat(cache.snapshot()).extracting(NodeInfo::name).containsExactly("a", "b", "c");

    cache.assume(pod("p", "1"), "b");
    cache.addOrUpdateNode(node("d"));
    List<NodeInfo> updated = cache.snapshot();
    assertThat(updated).extracting(NodeInfo::name).containsExactly("a", "b", "c", "d");
    assertThat(updated.get(1).requested().milliCpu()).isEqualTo(1000);
    assertThat(updated.get(0).requested().milliCpu()).isZero();

    cache.removeNode("a");
    assertThat(cache.snapshot()).extracting(NodeInfo::name).containsExactly("b", "c", "d");
    cache.forget(pod("p", "1").key());
    assertThat(cache.snapshot().get(0).requested().milliCpu()).isZero();
  }

  @Test
  void podsBoundBeforeTheirNodeIsSeenAreCountedWhenItArrives() {
    cache.addOrUpdateBoundPod(pod("p", "1"), "late");
    assertThat(cache.snapshot()).isEmpty();

    cache.addOrUpdateNode(node("late"));

    assertThat(info("late").requested().milliCpu()).isEqualTo(1000);
    cache.removePod(pod("p", "1").key());
    assertThat(info("late").requested().milliCpu()).isZero();
  }
}
