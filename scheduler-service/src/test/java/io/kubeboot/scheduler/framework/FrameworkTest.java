package io.kubeboot.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameworkTest {

  @Test
  void failureMessageIsUpstreamsSortedHistogram() {
    Diagnosis diagnosis = new Diagnosis(3, Map.of(
        "a", Status.unschedulable("NodeResourcesFit", List.of("Insufficient cpu")),
        "b", Status.unresolvable("TaintToleration", "node(s) had untolerated taint {key: value}"),
        "c", Status.unresolvable("TaintToleration", "node(s) had untolerated taint {key: value}")));

    assertThat(diagnosis.message()).isEqualTo("0/3 nodes are available: 1 Insufficient cpu, "
        + "2 node(s) had untolerated taint {key: value}. preemption: 0/3 nodes are available: "
        + "3 Preemption is not helpful for scheduling.");
    assertThat(new Diagnosis(0, Map.of()).message()).isEqualTo("no nodes available to schedule pods");
  }

  @Test
  void largeClustersAreFilteredOnlyUntilEnoughNodesFit() {
    assertThat(Framework.feasibleNodesToFind(50)).isEqualTo(50);
    assertThat(Framework.feasibleNodesToFind(500)).isEqualTo(230); // 46%
    assertThat(Framework.feasibleNodesToFind(5000)).isEqualTo(500); // 10%
    assertThat(Framework.feasibleNodesToFind(200)).isEqualTo(100);
  }

  @Test
  void tiesAreBrokenUniformly() {
    RandomTieBreaker breaker = new RandomTieBreaker(new Random(1));
    int[] picked = new int[3];
    for (int i = 0; i < 3000; i++) {
      picked[breaker.pick(new long[] {5, 9, 9})]++;
    }
    assertThat(picked[0]).isZero();
    assertThat(picked[1]).isBetween(1300, 1700);
    assertThat(breaker.pick(new long[0])).isEqualTo(-1);
  }

  @Test
  void podRequestsAreTheLargerOfContainersSumAndLargestInitContainer() {
    Pod pod = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").endMetadata().withNewSpec()
        .addNewContainer().withName("a").withNewResources().addToRequests("cpu", new Quantity("200m"))
        .addToRequests("memory", new Quantity("100Mi")).endResources().endContainer()
        .addNewContainer().withName("b").withNewResources().addToLimits("cpu", new Quantity("300m")).endResources()
        .endContainer()
        .addNewInitContainer().withName("init").withNewResources().addToRequests("cpu", new Quantity("1"))
        .endResources().endInitContainer().endSpec().build();

    assertThat(PodInfo.requests(pod, false)).isEqualTo(new Resources(1000, 100L * 1024 * 1024, 1));
  }

  @Test
  void scheduleChoosesAFeasibleNodeOrExplainsWhyNone() {
    var node = new NodeBuilder().withNewMetadata().withName("small").endMetadata().withNewStatus()
        .withAllocatable(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi"), "pods", new Quantity("10")))
        .endStatus().build();
    FilterPlugin fit = new FilterPlugin() {
      @Override
      public String name() {
        return "Fit";
      }

      @Override
      public Status filter(PodInfo pod, NodeInfo info) {
        return pod.requests().milliCpu() <= info.allocatable().milliCpu() ? Status.success()
            : Status.unschedulable("Fit", List.of("Insufficient cpu"));
      }
    };
    Framework framework = new Framework(List.of(fit), List.of(), new RandomTieBreaker(new Random(1)));
    Pod big = new PodBuilder().withNewMetadata().withName("big").withNamespace("ns").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withNewResources().addToRequests("cpu", new Quantity("2")).endResources()
        .endContainer().endSpec().build();

    ScheduleResult result = framework.schedule(PodInfo.of(big), List.of(NodeInfo.of(node, List.of())));

    assertThat(result).isInstanceOf(ScheduleResult.Unschedulable.class);
    assertThat(((ScheduleResult.Unschedulable) result).diagnosis().message()).startsWith(
        "0/1 nodes are available: 1 Insufficient cpu.");
  }

  @Test
  void aFilterThatSkipsThePodIsNotAskedAboutAnyNode() {
    FilterPlugin skipping = new FilterPlugin() {
      @Override
      public String name() {
        return "Skipping";
      }

      @Override
      public boolean skips(PodInfo pod) {
        return true;
      }

      @Override
      public Status filter(PodInfo pod, NodeInfo info) {
        throw new AssertionError("filter of a skipped plugin called");
      }
    };
    Framework framework = new Framework(List.of(skipping), List.of(), new RandomTieBreaker(new Random(1)));
    var node = new NodeBuilder().withNewMetadata().withName("n").endMetadata().build();
    Pod pod = new PodBuilder().withNewMetadata().withName("p").withNamespace("ns").endMetadata().withNewSpec()
        .addNewContainer().withName("c").endContainer().endSpec().build();

    ScheduleResult result = framework.schedule(PodInfo.of(pod), List.of(NodeInfo.of(node, List.of())));

    assertThat(result).isEqualTo(new ScheduleResult.Suggested("n", 1, 1));
  }
}
