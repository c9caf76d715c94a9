package io.kubeboot.reconciler.job;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.reconciler.runtime.Pods;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Job's pods sorted by where they are: active, terminating (marked for deletion, still running),
 * succeeded and failed; plus the restarts of its active pods and the back-off before a failed pod
 * may be replaced.
 *
 * <p>Counted from the pods that exist (upstream's tracking before pod finalizers): a finished pod
 * deleted by someone else before the Job completed is no longer counted.
 */
record JobPods(List<Pod> active, int ready, int terminating, int succeeded, int failed, int activeRestarts,
    Duration replacementBackoff) {

  /** Upstream's DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
  static final Duration BACKOFF_BASE = Duration.ofSeconds(10);
  static final Duration BACKOFF_MAX = Duration.ofMinutes(10);

  static JobPods of(List<Pod> pods, Instant now) {
    List<Pod> active = new ArrayList<>();
    int ready = 0;
    int terminating = 0;
    int succeeded = 0;
    int failed = 0;
    int restarts = 0;
    Instant lastSuccess = Instant.MIN;
    List<Instant> failures = new ArrayList<>();
    for (Pod pod : pods) {
      String phase = phase(pod);
      if ("Succeeded".equals(phase)) {
        succeeded++;
        Instant finished = finishedAt(pod);
        lastSuccess = finished.isAfter(lastSuccess) ? finished : lastSuccess;
      } else if ("Failed".equals(phase)) {
        failed++;
        failures.add(finishedAt(pod));
      } else if (pod.getMetadata().getDeletionTimestamp() != null) {
        terminating++;
      } else if (Pods.active(pod)) {
        active.add(pod);
        ready += Pods.ready(pod) ? 1 : 0;
        restarts += containerStatuses(pod).mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
      }
    }
    return new JobPods(active, ready, terminating, succeeded, failed, restarts, backoff(failures, lastSuccess, now));
  }

  /**
   * Upstream's back-off record: each failure since the last success doubles the wait (10 s, 20 s,
   * ... at most 10 min) counted from the last failure; zero when a new pod may start now.
   */
  static Duration backoff(List<Instant> failures, Instant lastSuccess, Instant now) {
    List<Instant> recent = failures.stream().filter(failure -> failure.isAfter(lastSuccess)).sorted().toList();
    if (recent.isEmpty()) {
      return Duration.ZERO;
    }
    Duration delay = BACKOFF_BASE;
    for (int i = 1; i < recent.size() && delay.compareTo(BACKOFF_MAX) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    delay = delay.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : delay;
    Duration left = Duration.between(now, recent.get(recent.size() - 1).plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** When the pod's last container stopped; its creation when no container says so. */
  static Instant finishedAt(Pod pod) {
    Instant latest = null;
    for (ContainerStatus status : (Iterable<ContainerStatus>) containerStatuses(pod)::iterator) {
      if (status.getState() != null && status.getState().getTerminated() != null
          && status.getState().getTerminated().getFinishedAt() != null) {
        Instant finished = Instant.parse(status.getState().getTerminated().getFinishedAt());
        latest = latest == null || finished.isAfter(latest) ? finished : latest;
      }
    }
    if (latest != null) {
      return latest;
    }
    String created = pod.getMetadata().getCreationTimestamp();
    return created == null ? Instant.EPOCH : Instant.parse(created);
  }

  private static Stream<ContainerStatus> containerStatuses(Pod pod) {
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    return Stream.concat(
        pod.getStatus().getInitContainerStatuses() == null ? Stream.empty()
            : pod.getStatus().getInitContainerStatuses().stream(),
        pod.getStatus().getContainerStatuses() == null ? Stream.empty()
            : pod.getStatus().getContainerStatuses().stream());
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
