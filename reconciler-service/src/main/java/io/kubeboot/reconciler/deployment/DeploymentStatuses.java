package io.kubeboot.reconciler.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment's status from its ReplicaSets, with the Available and Progressing conditions and
 * reasons of upstream's deployment controller, which {@code kubectl rollout status} relies on.
 */
final class DeploymentStatuses {

  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String TIMED_OUT = "ProgressDeadlineExceeded";

  /** What happened to the new ReplicaSet in this reconcile, which decides the first Progressing reason. */
  enum NewReplicaSet { CREATED, FOUND, NONE }

  private DeploymentStatuses() {
  }

  static DeploymentStatus calculate(Deployment d, List<ReplicaSet> all, ReplicaSet newRs, NewReplicaSet event,
      Instant now) {
    int available = all.stream().mapToInt(RolloutMath::available).sum();
    int total = all.stream().mapToInt(RolloutMath::specReplicas).sum();
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    DeploymentStatus status = new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(all.stream().mapToInt(RolloutMath::statusReplicas).sum())
        .withUpdatedReplicas(newRs == null ? 0 : RolloutMath.statusReplicas(newRs))
        .withReadyReplicas(all.stream().mapToInt(RolloutMath::ready).sum())
        .withAvailableReplicas(available)
        .withUnavailableReplicas(Math.max(0, total - available))
        .withCollisionCount(old.getCollisionCount())
        .withConditions(old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions()))
        .build();
    int replicas = RolloutMath.replicas(d);
    if (available >= replicas - RolloutMath.maxUnavailable(d)) {
      set(status, condition(AVAILABLE, "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now));
    } else {
      set(status, condition(AVAILABLE, "False", "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.", now));
    }
    String rsName = newRs == null ? null : newRs.getMetadata().getName();
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      set(status, condition(PROGRESSING, "Unknown", "DeploymentPaused", "Deployment is paused", now));
      return status;
    }
    if (event == NewReplicaSet.CREATED) {
      set(status, condition(PROGRESSING, "True", "NewReplicaSetCreated", "Created new replica set \"" + rsName + "\"",
          now));
    } else if (event == NewReplicaSet.FOUND && progressing(status).isEmpty()) {
      set(status, condition(PROGRESSING, "True", "FoundNewReplicaSet", "Found new replica set \"" + rsName + "\"", now));
    }
    Optional<DeploymentCondition> current = progressing(status);
    if (current.isPresent() && TIMED_OUT.equals(current.get().getReason()) && !complete(d, status)) {
      return status; // stays timed out until the rollout completes or the template changes
    }
    if (complete(d, status)) {
      set(status, condition(PROGRESSING, "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.", now));
    } else if (madeProgress(old, status)) {
      DeploymentCondition updated = condition(PROGRESSING, "True", "ReplicaSetUpdated",
          "ReplicaSet \"" + rsName + "\" is progressing.", now);
      current.filter(c -> "True".equals(c.getStatus())).ifPresent(c -> updated.setLastTransitionTime(c.getLastTransitionTime()));
      replace(status, updated); // every step of progress renews lastUpdateTime, which the deadline counts from
    } else if (timedOut(d, status, now)) {
      set(status, condition(PROGRESSING, "False", TIMED_OUT, "ReplicaSet \"" + rsName + "\" has timed out progressing.",
          now));
    }
    return status;
  }

  /** All replicas updated, present and available, for the latest spec: what "successfully rolled out" means. */
  static boolean complete(Deployment d, DeploymentStatus status) {
    int replicas = RolloutMath.replicas(d);
    return eq(status.getUpdatedReplicas(), replicas) && eq(status.getReplicas(), replicas)
        && eq(status.getAvailableReplicas(), replicas)
        && Objects.requireNonNullElse(status.getObservedGeneration(), 0L) >= d.getMetadata().getGeneration();
  }

  /** How long until the progress deadline passes, if the rollout is still under way. */
  static Optional<Duration> untilDeadline(Deployment d, DeploymentStatus status, Instant now) {
    if (complete(d, status) || Boolean.TRUE.equals(d.getSpec().getPaused())) {
      return Optional.empty();
    }
    return progressing(status).filter(c -> "True".equals(c.getStatus()) && c.getLastUpdateTime() != null)
        .map(c -> Duration.between(now, Instant.parse(c.getLastUpdateTime()).plusSeconds(deadlineSeconds(d))))
        .filter(left -> !left.isNegative());
  }

  private static boolean madeProgress(DeploymentStatus old, DeploymentStatus now) {
    return value(now.getUpdatedReplicas()) > value(old.getUpdatedReplicas())
        || value(now.getReplicas()) < value(old.getReplicas())
        || value(now.getReadyReplicas()) > value(old.getReadyReplicas())
        || value(now.getAvailableReplicas()) > value(old.getAvailableReplicas());
  }

  private static boolean timedOut(Deployment d, DeploymentStatus status, Instant now) {
    return progressing(status).filter(c -> c.getLastUpdateTime() != null)
        .map(c -> Instant.parse(c.getLastUpdateTime()).plusSeconds(deadlineSeconds(d)).isBefore(now)).orElse(false);
  }

  private static int deadlineSeconds(Deployment d) {
    return d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
  }

  static Optional<DeploymentCondition> progressing(DeploymentStatus status) {
    return status.getConditions().stream().filter(c -> PROGRESSING.equals(c.getType())).findFirst();
  }

  private static DeploymentCondition condition(String type, String status, String reason, String message, Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastUpdateTime(time).withLastTransitionTime(time).build();
  }

  /** Upstream's SetDeploymentCondition: same status and reason keep the old one; same status keeps its transition time. */
  private static void set(DeploymentStatus status, DeploymentCondition condition) {
    Optional<DeploymentCondition> current = status.getConditions().stream()
        .filter(c -> condition.getType().equals(c.getType())).findFirst();
    if (current.isPresent() && Objects.equals(current.get().getStatus(), condition.getStatus())
        && Objects.equals(current.get().getReason(), condition.getReason())) {
      return;
    }
    if (current.isPresent() && Objects.equals(current.get().getStatus(), condition.getStatus())) {
      condition.setLastTransitionTime(current.get().getLastTransitionTime());
    }
    replace(status, condition);
  }

  private static void replace(DeploymentStatus status, DeploymentCondition condition) {
    List<DeploymentCondition> conditions = new ArrayList<>(status.getConditions());
    conditions.removeIf(c -> condition.getType().equals(c.getType()));
    conditions.add(condition);
    status.setConditions(conditions);
  }

  /** Whether writing {@code next} changes anything but timestamps nobody reads without a change. */
  static boolean differs(DeploymentStatus current, DeploymentStatus next) {
    return !Objects.equals(current, next);
  }

  private static boolean eq(Integer value, int expected) {
    return value(value) == expected;
  }

  private static int value(Integer value) {
    return value == null ? 0 : value;
  }
}
