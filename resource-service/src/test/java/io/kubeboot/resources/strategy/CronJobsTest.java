package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronJobsTest {

  /** {@code kubectl create cronjob hello --image=busybox --schedule="*&#47;1 * * * *"}. */
  static final String KUBECTL_CREATE = """
      {"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"hello","namespace":"default"},
       "spec":{"schedule":"*/1 * * * *","jobTemplate":{"metadata":{"name":"hello"},
         "spec":{"template":{"spec":{"containers":[{"name":"hello","image":"busybox","resources":{}}],
           "restartPolicy":"OnFailure"}}}}},"status":{}}""";

  private final ResourceStrategy<CronJob> strategy = Strategies.forClass(CronJob.class);

  @Test
  void createAppliesDefaults() {
    CronJob cronJob = created(KUBECTL_CREATE);
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Allow");
    assertThat(cronJob.getSpec().getSuspend()).isFalse();
    assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
    assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isEqualTo(1);
    assertThat(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getDnsPolicy())
        .isEqualTo("ClusterFirst");
    // Job defaults wait for the Job itself
    assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isNull();
    assertThat(StorageCalls.createErrors(strategy, cronJob)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"@hourly", "@daily", "@every 1h30m", "0 0 * * 0", "*/5 9-17 * jan-jun mon-fri",
      "0,15,30,45 * * * *", "? * * * *"})
  void acceptsStandardSchedules(String schedule) {
    assertThat(CronSchedules.error(schedule)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "* * * *|expected exactly 5 fields, found 4: [* * * *]",
      "61 * * * *|end of range (61) above maximum (59): 61",
      "* * 0 * *|beginning of range (0) below minimum (1): 0",
      "5-2 * * * *|beginning of range (5) beyond end of range (2): 5-2",
      "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
      "*/0 * * * *|step of range should be a positive number: */0",
      "@fortnightly|unrecognized descriptor: @fortnightly",
      "@every 1x|failed to parse duration @every 1x: time: unknown unit \"x\" in duration \"1x\"",
      "TZ=Mars/Base * * * * *|provided bad location Mars/Base: unknown time zone Mars/Base"})
  void reportsTheParsersError(String schedule, String error) {
    assertThat(CronSchedules.error(schedule)).contains(error);
  }

  @Test
  void scheduleErrorsArePrintedLikeUpstream() {
    CronJob cronJob = created(KUBECTL_CREATE.replace("*/1 * * * *", "* * *"));
    assertThat(messages(strategy.validate(cronJob))).containsExactly(
        "spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]");
  }

  @Test
  void timeZoneGoesInItsOwnField() {
    CronJob cronJob = created(KUBECTL_CREATE.replace("*/1 * * * *", "CRON_TZ=Europe/Paris 0 9 * * *"));
    assertThat(messages(strategy.validate(cronJob))).containsExactly("spec.schedule: Invalid value:"
        + " \"CRON_TZ=Europe/Paris 0 9 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead");

    CronJob zoned = created(KUBECTL_CREATE.replace("\"schedule\"", "\"timeZone\":\"Europe/Paris\",\"schedule\""));
    assertThat(StorageCalls.createErrors(strategy, zoned)).isEmpty();
    zoned.getSpec().setTimeZone("Mars/Base");
    assertThat(messages(strategy.validate(zoned)))
        .containsExactly("spec.timeZone: Invalid value: \"Mars/Base\": unknown time zone Mars/Base");
  }

  @Test
  void scheduleIsRequiredAndPolicyMustBeKnown() {
    CronJob cronJob = created(KUBECTL_CREATE.replace("\"schedule\":\"*/1 * * * *\",", "\"concurrencyPolicy\":\"Sometimes\","));
    assertThat(messages(strategy.validate(cronJob))).containsExactly("spec.schedule: Required value",
        "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"");
  }

  @Test
  void namesLeaveRoomForTheJobSuffix() {
    CronJob cronJob = created(KUBECTL_CREATE.replace("\"name\":\"hello\",\"namespace\"",
        "\"name\":\"" + "a".repeat(53) + "\",\"namespace\""));
    assertThat(messages(strategy.validate(cronJob)))
        .containsExactly("metadata.name: Invalid value: \"" + "a".repeat(53) + "\": must be no more than 52 characters");
  }

  private CronJob created(String json) {
    CronJob cronJob = Json.read(json, CronJob.class);
    strategy.prepareForCreate(cronJob);
    return cronJob;
  }
}
