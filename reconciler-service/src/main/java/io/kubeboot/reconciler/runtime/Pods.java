package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Upstream's podutil: what "ready", "available" and "active" mean for a pod. */
public final class Pods {

  private Pods() {
  }

  /** Not finished and not being deleted: it counts towards its controller's replicas. */
  public static boolean active(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
  }

  public static boolean ready(Pod pod) {
    return readyCondition(pod).map(condition -> "True".equals(condition.getStatus())).orElse(false);
  }

  /** Ready for at least {@code minReadySeconds} at {@code now}. */
  public static boolean available(Pod pod, int minReadySeconds, Instant now) {
    return untilAvailable(pod, minReadySeconds, now).map(Duration::isZero).orElse(false);
  }

  /** How long until a ready pod becomes available (zero if it is); empty if it is not ready. */
  public static Optional<Duration> untilAvailable(Pod pod, int minReadySeconds, Instant now) {
    Optional<PodCondition> ready = readyCondition(pod).filter(condition -> "True".equals(condition.getStatus()));
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    if (minReadySeconds <= 0 || ready.get().getLastTransitionTime() == null) {
      return Optional.of(Duration.ZERO);
    }
    Instant availableAt = Instant.parse(ready.get().getLastTransitionTime()).plusSeconds(minReadySeconds);
    return Optional.of(availableAt.isAfter(now) ? Duration.between(now, availableAt) : Duration.ZERO);
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(condition -> "Ready".equals(condition.getType()))
        .findFirst();
  }
}
