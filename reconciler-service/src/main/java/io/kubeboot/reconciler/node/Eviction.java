package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubeboot.common.scheduling.Tolerations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** When a pod must leave a node because of its NoExecute taints, by upstream's taint manager rules. */
final class Eviction {

  private Eviction() {
  }

  /**
   * Empty if the pod may stay for good; the epoch (at once) if some taint is not tolerated;
   * otherwise the earliest time a tolerated taint's {@code tolerationSeconds} runs out, counted
   * from when the taint was added.
   */
  static Optional<Instant> time(List<Toleration> tolerations, List<Taint> noExecuteTaints) {
    Instant earliest = null;
    for (Taint taint : noExecuteTaints) {
      List<Toleration> matching = tolerations == null ? List.of()
          : tolerations.stream().filter(t -> Tolerations.tolerates(t, taint)).toList();
      if (matching.isEmpty()) {
        return Optional.of(Instant.EPOCH);
      }
      // the shortest tolerationSeconds of the matching tolerations wins; none set means forever
      Optional<Long> seconds = matching.stream().map(Toleration::getTolerationSeconds)
          .filter(java.util.Objects::nonNull).min(Long::compare);
      if (seconds.isPresent()) {
        Instant added = taint.getTimeAdded() == null ? Instant.EPOCH : Instant.parse(taint.getTimeAdded());
        Instant at = added.plusSeconds(Math.max(0, seconds.get()));
        earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
      }
    }
    return Optional.ofNullable(earliest);
  }
}
