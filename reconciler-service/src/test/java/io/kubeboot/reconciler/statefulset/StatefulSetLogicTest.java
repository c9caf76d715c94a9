package io.kubeboot.reconciler.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.kubeboot.reconciler.statefulset.StatefulSetPlan.Action;
import io.kubeboot.reconciler.statefulset.StatefulSetPlan.Create;
import io.kubeboot.reconciler.statefulset.StatefulSetPlan.Delete;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The order in which a StatefulSet's pods are made, removed and updated, and how its status reads. */
class StatefulSetLogicTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  /** The revision of the template every set here has: pods at it are up to date. */
  private static final String CURRENT = StatefulSetStatuses.updateRevision(set(1, "OrderedReady", 0));

  @Test
  void orderedReadyCreatesTheNextOrdinalOnlyOnceAllBeforeItAreReady() {
    StatefulSet set = set(3, "OrderedReady", 0);

    assertThat(plan(set, pods())).containsExactly(new Create(0));
    assertThat(plan(set, pods(pod(0, CURRENT, false)))).as("web-0 is not ready yet").isEmpty();
    assertThat(plan(set, pods(pod(0, CURRENT, true)))).containsExactly(new Create(1));
    assertThat(plan(set, pods(pod(0, CURRENT, true), pod(1, CURRENT, true)))).containsExactly(new Create(2));
  }

  @Test
  void parallelCreatesEveryMissingOrdinalAtOnce() {
    assertThat(plan(set(3, "Parallel", 0), pods(pod(1, CURRENT, false))))
        .containsExactly(new Create(0), new Create(2));
  }

  @Test
  void orderedReadyScalesDownFromTheHighestOrdinalOneAtATime() {
    StatefulSet set = set(1, "OrderedReady", 0);
    Pod web2 = pod(2, CURRENT, true);

    assertThat(plan(set, pods(pod(0, CURRENT, true), pod(1, CURRENT, true), web2))).containsExactly(new Delete(web2));
    assertThat(plan(set, pods(pod(0, CURRENT, true), pod(1, CURRENT, true), terminating(web2))))
        .as("web-1 waits until web-2 is gone").isEmpty();
    Pod web1 = pod(1, CURRENT, true);
    assertThat(plan(set, pods(pod(0, CURRENT, true), web1))).containsExactly(new Delete(web1));
  }

  @Test
  void parallelScalesDownAllAtOnce() {
    Pod web1 = pod(1, CURRENT, true);
    Pod web2 = pod(2, CURRENT, false);

    assertThat(plan(set(1, "Parallel", 0), pods(pod(0, CURRENT, true), web1, web2)))
        .containsExactly(new Delete(web2), new Delete(web1));
  }

  @Test
  void failedPodsAreDeletedToBeRecreated() {
    Pod failed = new PodBuilder(pod(0, CURRENT, false)).editStatus().withPhase("Failed").endStatus().build();

    assertThat(plan(set(2, "OrderedReady", 0), pods(failed))).containsExactly(new Delete(failed));
  }

  @Test
  void rollingUpdateGoesFromTheHighestOrdinalDownToThePartition() {
    StatefulSet set = set(3, "OrderedReady", 1);
    String update = StatefulSetStatuses.updateRevision(set);
    Pod web2 = pod(2, "old", true);

    assertThat(plan(set, pods(pod(0, "old", true), pod(1, "old", true), web2))).containsExactly(new Delete(web2));
    Pod web1 = pod(1, "old", true);
    assertThat(plan(set, pods(pod(0, "old", true), web1, pod(2, update, false))))
        .as("web-1 waits for the updated web-2 to be ready").isEmpty();
    assertThat(plan(set, pods(pod(0, "old", true), web1, pod(2, update, true)))).containsExactly(new Delete(web1));
    assertThat(plan(set, pods(pod(0, "old", true), pod(1, update, true), pod(2, update, true))))
        .as("web-0 is below the partition").isEmpty();
  }

  @Test
  void onDeleteLeavesOldPodsAlone() {
    StatefulSet set = new StatefulSetBuilder(set(2, "OrderedReady", 0)).editSpec().editUpdateStrategy()
        .withType("OnDelete").withRollingUpdate(null).endUpdateStrategy().endSpec().build();

    assertThat(plan(set, pods(pod(0, "old", true), pod(1, "old", true)))).isEmpty();
  }

  @Test
  void podsGetTheirStableIdentity() {
    Pod pod = StatefulPods.podFor(set(3, "OrderedReady", 0), 2, "web-abc");

    assertThat(pod.getMetadata().getName()).isEqualTo("web-2");
    assertThat(pod.getMetadata().getGenerateName()).isNull();
    assertThat(pod.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-2")
        .containsEntry("apps.kubernetes.io/pod-index", "2").containsEntry("controller-revision-hash", "web-abc")
        .containsEntry("app", "web");
    assertThat(pod.getSpec().getHostname()).isEqualTo("web-2");
    assertThat(pod.getSpec().getSubdomain()).isEqualTo("svc");
    assertThat(StatefulPods.ordinal(set(3, "OrderedReady", 0), pod)).hasValue(2);
    assertThat(StatefulPods.ordinal(set(3, "OrderedReady", 0), new PodBuilder().withNewMetadata()
        .withName("webby-2").endMetadata().build())).isEmpty();
  }

  @Test
  void aRollingUpdateCompletesOnceEveryPodIsUpdatedAndReady() {
    StatefulSet set = set(2, "OrderedReady", 0);
    String update = StatefulSetStatuses.updateRevision(set);

    var midway = StatefulSetStatuses.calculate(set, List.of(pod(0, "old", true), pod(1, update, true)), "old", update,
        NOW);
    assertThat(midway.getCurrentRevision()).isEqualTo("old");
    assertThat(midway.getCurrentReplicas()).isEqualTo(1);
    assertThat(midway.getUpdatedReplicas()).isEqualTo(1);
    assertThat(midway.getReadyReplicas()).isEqualTo(2);
    assertThat(midway.getObservedGeneration()).isEqualTo(7L);

    var done = StatefulSetStatuses.calculate(set, List.of(pod(0, update, true), pod(1, update, true)), "old", update,
        NOW);
    assertThat(done.getCurrentRevision()).isEqualTo(update);
    assertThat(done.getCurrentReplicas()).isEqualTo(2);
    assertThat(done.getAvailableReplicas()).isEqualTo(2);
  }

  private static List<Action> plan(StatefulSet set, NavigableMap<Integer, Pod> pods) {
    return StatefulSetPlan.of(set, pods, StatefulSetStatuses.updateRevision(set), NOW);
  }

  private static StatefulSet set(int replicas, String policy, int partition) {
    return new StatefulSetBuilder().withNewMetadata().withName("web").withNamespace("ns").withUid("uid-1")
        .withGeneration(7L).endMetadata()
        .withNewSpec().withReplicas(replicas).withServiceName("svc").withPodManagementPolicy(policy)
        .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(partition)
        .endRollingUpdate().endUpdateStrategy()
        .withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  private static NavigableMap<Integer, Pod> pods(Pod... pods) {
    NavigableMap<Integer, Pod> byOrdinal = new TreeMap<>();
    for (Pod pod : pods) {
      byOrdinal.put(Integer.parseInt(pod.getMetadata().getName().substring("web-".length())), pod);
    }
    return byOrdinal;
  }

  private static Pod pod(int ordinal, String revision, boolean ready) {
    return new PodBuilder().withNewMetadata().withName("web-" + ordinal)
        .addToLabels("controller-revision-hash", revision).endMetadata()
        .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
        .endCondition().endStatus().build();
  }

  private static Pod terminating(Pod pod) {
    return new PodBuilder(pod).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
  }
}
