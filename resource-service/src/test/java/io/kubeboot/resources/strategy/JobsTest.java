package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsTest {

  /** {@code kubectl create job pi --image=perl -- perl -e 'print 1'}. */
  static final String KUBECTL_CREATE = """
      {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"pi","namespace":"default","creationTimestamp":null},
       "spec":{"template":{"metadata":{"creationTimestamp":null},
         "spec":{"containers":[{"name":"pi","image":"perl","command":["perl","-e","print 1"],"resources":{}}],
                 "restartPolicy":"Never"}}},"status":{}}""";
  static final String UID = "8a6a3e2c-1d2f-4c1a-9e8b-0c7d6f5e4a3b";

  private final ResourceStrategy<Job> strategy = Strategies.forClass(Job.class);

  @Test
  void createGeneratesTheSelectorFromTheUid() {
    Job job = created(KUBECTL_CREATE);

    assertThat(job.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of("batch.kubernetes.io/controller-uid", UID));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsExactly(
        Map.entry("job-name", "pi"), Map.entry("batch.kubernetes.io/job-name", "pi"),
        Map.entry("controller-uid", UID), Map.entry("batch.kubernetes.io/controller-uid", UID));
    // a Job without labels takes its template's, as upstream shows them when the Job is read
    assertThat(job.getMetadata().getLabels()).isEqualTo(job.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(StorageCalls.createErrors(strategy, job)).isEmpty();
  }

  @Test
  void createAppliesBatchDefaults() {
    Job job = created(KUBECTL_CREATE);
    assertThat(job.getSpec().getParallelism()).isEqualTo(1);
    assertThat(job.getSpec().getCompletions()).isEqualTo(1);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(6);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("NonIndexed");
    assertThat(job.getSpec().getSuspend()).isFalse();
    assertThat(job.getSpec().getPodReplacementPolicy()).isEqualTo("TerminatingOrFailed");
    assertThat(job.getSpec().getManualSelector()).isNull();
  }

  @Test
  void parallelismAloneLeavesCompletionsUnset() {
    Job job = created(KUBECTL_CREATE.replace("\"spec\":{\"template\"", "\"spec\":{\"parallelism\":3,\"template\""));
    assertThat(job.getSpec().getParallelism()).isEqualTo(3);
    assertThat(job.getSpec().getCompletions()).isNull();
  }

  @Test
  void manualSelectorIsLeftAlone() {
    Job job = created("""
        {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"m","namespace":"default"},
         "spec":{"manualSelector":true,"selector":{"matchLabels":{"app":"m"}},
           "template":{"metadata":{"labels":{"app":"m"}},
             "spec":{"containers":[{"name":"c","image":"busybox"}],"restartPolicy":"OnFailure"}}}}""");
    assertThat(job.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "m"));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(Map.of("app", "m"));
    assertThat(StorageCalls.createErrors(strategy, job)).isEmpty();
  }

  @Test
  void podsOfAJobMayNotRestartAlways() {
    Job job = created(KUBECTL_CREATE.replace("\"restartPolicy\":\"Never\"", "\"hostname\":\"pi\""));
    assertThat(messages(strategy.validate(job))).containsExactly("spec.template.spec.restartPolicy: Unsupported value:"
        + " \"Always\": supported values: \"OnFailure\", \"Never\"");
  }

  @Test
  void countsMayNotBeNegative() {
    Job job = created(KUBECTL_CREATE);
    job.getSpec().setParallelism(-1);
    job.getSpec().setBackoffLimit(-2);
    assertThat(messages(strategy.validate(job))).containsExactly(
        "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
        "spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0");
  }

  @Test
  void conflictingGeneratedLabelIsReported() {
    Job job = Json.read(KUBECTL_CREATE, Job.class);
    job.getSpec().getTemplate().getMetadata().setLabels(Map.of("controller-uid", "someone-else"));
    job.getMetadata().setUid(UID);
    strategy.prepareForCreate(job);
    assertThat(messages(strategy.validate(job))).contains("spec.template.metadata.labels[controller-uid]: Invalid value:"
        + " map[string]string{\"batch.kubernetes.io/controller-uid\":\"" + UID + "\", \"batch.kubernetes.io/job-name\":"
        + "\"pi\", \"controller-uid\":\"someone-else\", \"job-name\":\"pi\"}: must be '" + UID + "'");
  }

  @Test
  void selectorAndTemplateAreImmutable() {
    Job old = DeploymentsTest.stored(created(KUBECTL_CREATE));
    Job update = Json.copy(old);
    update.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("perl:5.40");
    strategy.prepareForUpdate(update, old);
    assertThat(messages(strategy.validateUpdate(update, old))).singleElement().asString()
        .startsWith("spec.template: Invalid value: {").endsWith("}: field is immutable");
  }

  @Test
  void suspendedJobsMayChangeSchedulingDirectives() {
    Job old = DeploymentsTest.stored(created(KUBECTL_CREATE.replace("\"spec\":{\"template\"",
        "\"spec\":{\"suspend\":true,\"template\"")));
    Job update = Json.copy(old);
    update.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("zone", "a"));
    strategy.prepareForUpdate(update, old);
    assertThat(strategy.validateUpdate(update, old)).isEmpty();
  }

  private Job created(String json) {
    Job job = Json.read(json, Job.class);
    job.getMetadata().setUid(UID);
    strategy.prepareForCreate(job);
    return job;
  }
}
