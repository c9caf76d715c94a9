package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Upstream's cronjob strategy and batch/v1 defaults: concurrency Allow, not suspended, three
 * successful and one failed Job kept; a valid standard cron schedule whose time zone goes in
 * {@code timeZone}, not in a {@code TZ=} prefix.
 */
final class CronJobs extends BaseStrategy<CronJob> {

  /** Jobs are named {@code <cronjob>-<11-character timestamp>} and must stay within 63 characters. */
  static final int MAX_NAME_LENGTH = 52;
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final List<String> CONCURRENCY_POLICIES = List.of("Allow", "Forbid", "Replace");
  private static final Pattern TIME_ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

  CronJobs(ResourceType resourceType) {
    super(resourceType, CronJob.class, NameRule.DNS1123_SUBDOMAIN, StatusSubresource.of(CronJob::getSpec,
        CronJob::setSpec, CronJob::getStatus, CronJob::setStatus, CronJobStatus::new));
  }

  @Override
  void applyDefaults(CronJob cronJob) {
    if (cronJob.getSpec() == null) {
      cronJob.setSpec(new CronJobSpec());
    }
    CronJobSpec spec = cronJob.getSpec();
    if (Nulls.isEmpty(spec.getConcurrencyPolicy())) {
      spec.setConcurrencyPolicy("Allow");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getSuccessfulJobsHistoryLimit() == null) {
      spec.setSuccessfulJobsHistoryLimit(3);
    }
    if (spec.getFailedJobsHistoryLimit() == null) {
      spec.setFailedJobsHistoryLimit(1);
    }
    // the job template gets pod defaults only; Job defaults apply when the Job is created
    if (spec.getJobTemplate() != null && spec.getJobTemplate().getSpec() != null) {
      PodSpecDefaults.apply(spec.getJobTemplate().getSpec().getTemplate());
    }
  }

  @Override
  List<FieldError> validateObject(CronJob cronJob) {
    List<FieldError> errors = new ArrayList<>();
    String name = Nulls.string(cronJob.getMetadata().getName());
    if (name.length() > MAX_NAME_LENGTH) {
      errors.add(FieldErrors.invalid(FieldPath.of("metadata", "name"), name,
          "must be no more than " + MAX_NAME_LENGTH + " characters"));
    }
    errors.addAll(spec(spec(cronJob), false, true));
    return errors;
  }

  /** An existing schedule that already used TZ keeps being accepted; an unchanged time zone is not rechecked. */
  @Override
  List<FieldError> validateUpdateObject(CronJob cronJob, CronJob old) {
    CronJobSpec oldSpec = spec(old);
    boolean allowTzInSchedule = Nulls.string(oldSpec.getSchedule()).contains("TZ");
    boolean timeZoneChanged = !Objects.equals(spec(cronJob).getTimeZone(), oldSpec.getTimeZone());
    return spec(spec(cronJob), allowTzInSchedule, timeZoneChanged);
  }

  private static List<FieldError> spec(CronJobSpec spec, boolean allowTzInSchedule, boolean checkTimeZone) {
    List<FieldError> errors = new ArrayList<>();
    String schedule = Nulls.string(spec.getSchedule());
    if (schedule.isEmpty()) {
      errors.add(FieldErrors.required(SPEC.child("schedule")));
    } else {
      errors.addAll(schedule(schedule, allowTzInSchedule, spec.getTimeZone()));
    }
    errors.addAll(FieldErrors.nonNegative(spec.getStartingDeadlineSeconds(), SPEC.child("startingDeadlineSeconds")));
    if (checkTimeZone) {
      errors.addAll(timeZone(spec.getTimeZone()));
    }
    errors.addAll(ContainerValidation.oneOf(spec.getConcurrencyPolicy(), CONCURRENCY_POLICIES,
        SPEC.child("concurrencyPolicy")));
    errors.addAll(JobSpecValidation.template(spec.getJobTemplate(), SPEC.child("jobTemplate")));
    errors.addAll(FieldErrors.nonNegative(spec.getSuccessfulJobsHistoryLimit(), SPEC.child("successfulJobsHistoryLimit")));
    errors.addAll(FieldErrors.nonNegative(spec.getFailedJobsHistoryLimit(), SPEC.child("failedJobsHistoryLimit")));
    return errors;
  }

  private static List<FieldError> schedule(String schedule, boolean allowTzInSchedule, String timeZone) {
    FieldPath path = SPEC.child("schedule");
    List<FieldError> errors = new ArrayList<>();
    CronSchedules.error(schedule).ifPresent(error -> errors.add(FieldErrors.invalid(path, schedule, error)));
    if (schedule.contains("TZ")) {
      if (!allowTzInSchedule) {
        errors.add(FieldErrors.invalid(path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
      } else if (timeZone != null) {
        errors.add(FieldErrors.invalid(path, schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
      }
    }
    return errors;
  }

  private static List<FieldError> timeZone(String timeZone) {
    FieldPath path = SPEC.child("timeZone");
    if (timeZone == null) {
      return List.of();
    }
    if (timeZone.isEmpty()) {
      return List.of(FieldErrors.invalid(path, timeZone, "timeZone must be nil or non-empty string"));
    }
    for (String part : timeZone.split("/", -1)) {
      if (part.equals(".") || part.equals("..") || part.startsWith("-") || !TIME_ZONE_PART.matcher(part).matches()) {
        return List.of(FieldErrors.invalid(path, timeZone, "unknown time zone " + timeZone));
      }
    }
    List<FieldError> errors = new ArrayList<>();
    if (timeZone.equalsIgnoreCase("Local")) {
      errors.add(FieldErrors.invalid(path, timeZone,
          "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
    }
    if (!CronSchedules.zoneExists(timeZone)) {
      errors.add(FieldErrors.invalid(path, timeZone, "unknown time zone " + timeZone));
    }
    return errors;
  }

  private static CronJobSpec spec(CronJob cronJob) {
    return cronJob.getSpec() == null ? new CronJobSpec() : cronJob.getSpec();
  }
}
