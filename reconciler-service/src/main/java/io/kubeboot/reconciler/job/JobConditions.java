package io.kubeboot.reconciler.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Job's conditions as upstream (1.31+) writes them: the interim {@code SuccessCriteriaMet} or
 * {@code FailureTarget} as soon as the outcome is known, then the terminal {@code Complete} or
 * {@code Failed}, with the same reason, once no pod of the Job runs any more.
 */
public final class JobConditions {

  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";
  public static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  public static final String FAILURE_TARGET = "FailureTarget";
  public static final String SUSPENDED = "Suspended";

  private JobConditions() {
  }

  /** The condition of {@code type} whose status is True, if any. */
  public static Optional<JobCondition> find(List<JobCondition> conditions, String type) {
    return conditions == null ? Optional.empty() : conditions.stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }

  /** Complete or Failed: the Job is over and its controller leaves it alone. */
  public static Optional<JobCondition> finished(Job job) {
    List<JobCondition> conditions = job.getStatus() == null ? null : job.getStatus().getConditions();
    return find(conditions, COMPLETE).or(() -> find(conditions, FAILED));
  }

  public static boolean succeeded(Job job) {
    return finished(job).filter(c -> COMPLETE.equals(c.getType())).isPresent();
  }

  /** The terminal condition an interim one leads to. */
  static String terminalOf(String interimType) {
    return SUCCESS_CRITERIA_MET.equals(interimType) ? COMPLETE : FAILED;
  }

  static JobCondition condition(String type, String status, String reason, String message, Instant now) {
    String time = now.toString();
    return new JobConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastProbeTime(time).withLastTransitionTime(time).build();
  }

  /**
   * {@code conditions} with one of {@code type} set to {@code status}; an existing one keeps its
   * transition time unless its status changes. Returns null when nothing would change.
   */
  static List<JobCondition> ensure(List<JobCondition> conditions, String type, String status, String reason,
      String message, Instant now) {
    List<JobCondition> updated = new ArrayList<>(conditions == null ? List.of() : conditions);
    for (int i = 0; i < updated.size(); i++) {
      JobCondition existing = updated.get(i);
      if (type.equals(existing.getType())) {
        if (status.equals(existing.getStatus())) {
          return null;
        }
        updated.set(i, condition(type, status, reason, message, now));
        return updated;
      }
    }
    if ("False".equals(status)) {
      return null; // a condition never set need not be set to False
    }
    updated.add(condition(type, status, reason, message, now));
    return updated;
  }
}
