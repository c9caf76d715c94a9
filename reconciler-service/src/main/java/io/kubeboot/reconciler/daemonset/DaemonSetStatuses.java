package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.kubeboot.reconciler.runtime.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DaemonSet's status as upstream's {@code updateDaemonSetStatus} counts it, node by node: the
 * oldest pod on a node that should run one decides whether that node is ready, available and
 * updated; a pod on a node that should not run one is misscheduled. {@code kubectl rollout status}
 * compares updatedNumberScheduled and numberAvailable with desiredNumberScheduled.
 */
final class DaemonSetStatuses {

  /** The status, and how long until a ready pod turns available (minReadySeconds), if any is waiting. */
  record Calculated(DaemonSetStatus status, Optional<Duration> recheckAfter) {
  }

  private DaemonSetStatuses() {
  }

  static Calculated calculate(DaemonSet ds, Map<String, NodeEligibility> nodes, Map<String, List<Pod>> podsByNode,
      String hash, Instant now) {
    Optional<String> generation = DaemonPods.templateGeneration(ds);
    int desired = 0;
    int current = 0;
    int updated = 0;
    int misscheduled = 0;
    Availability availability = new Availability(ds.getSpec().getMinReadySeconds(), now);
    for (Map.Entry<String, NodeEligibility> node : nodes.entrySet()) {
      List<Pod> pods = podsByNode.getOrDefault(node.getKey(), List.of());
      if (!node.getValue().shouldRun()) {
        misscheduled += pods.isEmpty() ? 0 : 1;
        continue;
      }
      desired++;
      if (pods.isEmpty()) {
        continue;
      }
      current++;
      Pod pod = pods.stream().min(NodePlan.OLDEST_FIRST).orElseThrow();
      availability.count(pod);
      if (DaemonPods.updated(pod, hash, generation)) {
        updated++;
      }
    }
    DaemonSetStatus old = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    DaemonSetStatus status = new DaemonSetStatusBuilder(old)
        .withDesiredNumberScheduled(desired).withCurrentNumberScheduled(current).withNumberReady(availability.ready())
        .withNumberAvailable(availability.available()).withNumberUnavailable(desired - availability.available())
        .withUpdatedNumberScheduled(updated).withNumberMisscheduled(misscheduled)
        .withObservedGeneration(ds.getMetadata().getGeneration()).build();
    return new Calculated(status, availability.recheckAfter());
  }

  /** Whether writing {@code status} changes what the object shows; an absent counter reads as 0, as upstream's omitempty. */
  static boolean differs(DaemonSet ds, DaemonSetStatus status) {
    DaemonSetStatus current = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    return !counters(current).equals(counters(status))
        || !Objects.equals(current.getObservedGeneration(), status.getObservedGeneration());
  }

  private static List<Integer> counters(DaemonSetStatus status) {
    return java.util.stream.Stream.of(status.getDesiredNumberScheduled(), status.getCurrentNumberScheduled(),
        status.getNumberReady(), status.getNumberAvailable(), status.getNumberUnavailable(),
        status.getUpdatedNumberScheduled(), status.getNumberMisscheduled())
        .map(value -> value == null ? 0 : value).toList();
  }
}
