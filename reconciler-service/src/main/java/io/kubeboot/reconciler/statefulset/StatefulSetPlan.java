package io.kubeboot.reconciler.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * What upstream's {@code updateStatefulSet} does next, as a list of actions: replace finished pods,
 * create the missing ordinals, delete the ordinals beyond the replicas from the highest down, then
 * roll the template out from the highest ordinal to the partition, one pod at a time. Under
 * OrderedReady each step waits until every pod before it is Running and Ready (and a removal until
 * the previous one is gone), so at most one action comes back; under Parallel all of them do.
 */
final class StatefulSetPlan {

  sealed interface Action {
  }

  /**
   * A pod from the current template, at the update revision. Upstream makes an ordinal below the
   * partition from the current revision's template, kept in a ControllerRevision; kubeboot serves
   * no ControllerRevisions, so a missing pod is always made from the template the set has now.
   */
  record Create(int ordinal) implements Action {
  }

  record Delete(Pod pod) implements Action {
  }

  private final StatefulSet set;
  private final String updateRevision;
  private final Instant now;
  private final boolean monotonic;
  private final List<Action> actions = new ArrayList<>();

  private StatefulSetPlan(StatefulSet set, String updateRevision, Instant now) {
    this.set = set;
    this.updateRevision = updateRevision;
    this.now = now;
    this.monotonic = !"Parallel".equals(set.getSpec().getPodManagementPolicy());
  }

  /** @param pods the set's pods by ordinal, those beyond the replicas included */
  static List<Action> of(StatefulSet set, NavigableMap<Integer, Pod> pods, String updateRevision, Instant now) {
    StatefulSetPlan plan = new StatefulSetPlan(set, updateRevision, now);
    plan.decide(pods);
    return List.copyOf(plan.actions);
  }

  static int start(StatefulSetSpec spec) {
    return spec.getOrdinals() == null || spec.getOrdinals().getStart() == null ? 0 : spec.getOrdinals().getStart();
  }

  static int replicas(StatefulSetSpec spec) {
    return spec.getReplicas() == null ? 1 : spec.getReplicas();
  }

  private void decide(NavigableMap<Integer, Pod> pods) {
    StatefulSetSpec spec = set.getSpec();
    int start = start(spec);
    int end = start + replicas(spec);
    if (!scaleUp(pods, start, end)) {
      return;
    }
    List<Pod> condemned = new ArrayList<>(pods.headMap(start, false).values());
    condemned.addAll(pods.tailMap(end, true).values());
    if (!scaleDown(condemned, firstUnhealthy(pods, start, end, condemned))) {
      return;
    }
    rollOut(pods, start, end);
  }

  /** The replicas in order: false when a step must wait (OrderedReady) before anything further is done. */
  private boolean scaleUp(NavigableMap<Integer, Pod> pods, int start, int end) {
    int minReadySeconds = set.getSpec().getMinReadySeconds() == null ? 0 : set.getSpec().getMinReadySeconds();
    for (int ordinal = start; ordinal < end; ordinal++) {
      Pod pod = pods.get(ordinal);
      if (pod == null) {
        actions.add(new Create(ordinal));
        if (monotonic) {
          return false;
        }
        continue;
      }
      if (StatefulPods.finished(pod)) {
        if (!StatefulPods.terminating(pod)) {
          actions.add(new Delete(pod)); // recreated once it is gone
        }
        if (monotonic) {
          return false;
        }
        continue;
      }
      if (monotonic && (StatefulPods.terminating(pod) || !StatefulPods.runningAndAvailable(pod, minReadySeconds, now))) {
        return false;
      }
    }
    return true;
  }

  private boolean scaleDown(List<Pod> condemned, Pod firstUnhealthy) {
    for (int i = condemned.size() - 1; i >= 0; i--) {
      Pod pod = condemned.get(i);
      if (StatefulPods.terminating(pod)) {
        if (monotonic) {
          return false;
        }
        continue;
      }
      if (monotonic && !StatefulPods.runningAndReady(pod) && pod != firstUnhealthy) {
        return false;
      }
      actions.add(new Delete(pod));
      if (monotonic) {
        return false;
      }
    }
    return true;
  }

  /** RollingUpdate from the highest ordinal down to the partition: one pod replaced at a time, each waited for. */
  private void rollOut(NavigableMap<Integer, Pod> pods, int start, int end) {
    var strategy = set.getSpec().getUpdateStrategy();
    if (strategy != null && "OnDelete".equals(strategy.getType())) {
      return;
    }
    for (int ordinal = end - 1; ordinal >= start + partition(); ordinal--) {
      Pod pod = pods.get(ordinal);
      if (pod == null) {
        return; // being created (Parallel): wait for it as for any unhealthy pod
      }
      if (!updateRevision.equals(StatefulPods.revision(pod)) && !StatefulPods.terminating(pod)) {
        actions.add(new Delete(pod));
        return;
      }
      if (!StatefulPods.healthy(pod)) {
        return;
      }
    }
  }

  private int partition() {
    var strategy = set.getSpec().getUpdateStrategy();
    if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || strategy.getRollingUpdate() == null
        || strategy.getRollingUpdate().getPartition() == null) {
      return 0;
    }
    return strategy.getRollingUpdate().getPartition();
  }

  /** The lowest unhealthy replica, else the lowest unhealthy condemned pod: the one a scale-down may remove first. */
  private static Pod firstUnhealthy(NavigableMap<Integer, Pod> pods, int start, int end, List<Pod> condemned) {
    for (Pod pod : pods.subMap(start, true, end, false).values()) {
      if (!StatefulPods.healthy(pod)) {
        return pod;
      }
    }
    return condemned.stream().filter(pod -> !StatefulPods.healthy(pod)).findFirst().orElse(null);
  }
}
