package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.kubeboot.common.api.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentsTest {

  /** What {@code kubectl create deployment ang --image=junebao/ang} sends (kubectl-contract.md). */
  static final String KUBECTL_CREATE = """
      {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"ang","creationTimestamp":null,"labels":{"app":"ang"}},
       "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ang"}},
        "template":{"metadata":{"creationTimestamp":null,"labels":{"app":"ang"}},
                    "spec":{"containers":[{"name":"ang","image":"junebao/ang","resources":{}}]}},
        "strategy":{}},"status":{}}""";

  private final ResourceStrategy<Deployment> strategy = Strategies.forClass(Deployment.class);

  @Test
  void kubectlCreateDeploymentGetsUpstreamsDefaults() {
    Deployment deployment = created(KUBECTL_CREATE);

    assertThat(Json.tree(deployment.getSpec())).isEqualTo(Json.tree("""
        {"replicas":1,"progressDeadlineSeconds":600,"revisionHistoryLimit":10,
         "selector":{"matchLabels":{"app":"ang"}},
         "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
         "template":{"metadata":{"labels":{"app":"ang"}},
           "spec":{"containers":[{"name":"ang","image":"junebao/ang","imagePullPolicy":"Always","resources":{},
                                  "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                   "dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler",
                   "securityContext":{},"terminationGracePeriodSeconds":30}}}"""));
    assertThat(StorageCalls.createErrors(strategy, deployment)).isEmpty();
  }

  @Test
  void createClearsAStatusTheClientSent() {
    Deployment deployment = Json.read(KUBECTL_CREATE, Deployment.class);
    deployment.setStatus(new DeploymentStatus());
    deployment.getStatus().setReplicas(5);
    deployment.getMetadata().setNamespace("default");
    strategy.prepareForCreate(deployment);
    assertThat(Json.tree(deployment.getStatus())).isEqualTo(Json.tree("{}"));
  }

  @Test
  void podTemplateDefaultsAreNotPodDefaults() {
    Deployment deployment = created(KUBECTL_CREATE);
    // enableServiceLinks, serviceAccountName, priority and tolerations are set on pods only
    assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isNull();
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isNull();
    assertThat(deployment.getSpec().getTemplate().getSpec().getTolerations()).isEmpty();
  }

  @Test
  void templateLabelsMustMatchTheSelector() {
    Deployment deployment = created(KUBECTL_CREATE);
    deployment.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "other"));
    assertThat(messages(strategy.validate(deployment))).containsExactly(
        "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match"
            + " template `labels`");
  }

  @Test
  void selectorIsRequiredAndNotEmpty() {
    Deployment deployment = created(KUBECTL_CREATE);
    deployment.getSpec().setSelector(null);
    assertThat(messages(strategy.validate(deployment))).contains("spec.selector: Required value");

    deployment.getSpec().setSelector(new io.fabric8.kubernetes.api.model.LabelSelector());
    assertThat(messages(strategy.validate(deployment))).containsExactly("spec.selector: Invalid value:"
        + " v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}:"
        + " empty selector is invalid for deployment");
  }

  @Test
  void rollingUpdateMayNotHaveBothLimitsZero() {
    Deployment deployment = created(KUBECTL_CREATE);
    deployment.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString(0));
    deployment.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString("0%"));
    assertThat(messages(strategy.validate(deployment))).containsExactly("spec.strategy.rollingUpdate.maxUnavailable:"
        + " Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0");
  }

  @Test
  void recreateForbidsRollingUpdateParameters() {
    Deployment deployment = created(KUBECTL_CREATE);
    deployment.getSpec().getStrategy().setType("Recreate");
    assertThat(messages(strategy.validate(deployment))).containsExactly(
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
  }

  @Test
  void unknownStrategyTypeIsNotSupported() {
    Deployment deployment = Json.read(KUBECTL_CREATE.replace("\"strategy\":{}", "\"strategy\":{\"type\":\"Canary\"}"),
        Deployment.class);
    deployment.getMetadata().setNamespace("default");
    strategy.prepareForCreate(deployment);
    assertThat(messages(strategy.validate(deployment))).containsExactly("spec.strategy: Unsupported value:"
        + " apps.DeploymentStrategy{Type:\"Canary\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}:"
        + " supported values: \"Recreate\", \"RollingUpdate\"");
  }

  @Test
  void negativeReplicasAreInvalid() {
    Deployment deployment = created(KUBECTL_CREATE);
    deployment.getSpec().setReplicas(-1);
    assertThat(messages(strategy.validate(deployment)))
        .containsExactly("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void selectorIsImmutable() {
    Deployment old = stored(created(KUBECTL_CREATE));
    Deployment update = Json.copy(old);
    update.getSpec().getSelector().setMatchLabels(Map.of("app", "ang", "tier", "web"));
    update.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "ang", "tier", "web"));
    strategy.prepareForUpdate(update, old);
    assertThat(messages(strategy.validateUpdate(update, old))).containsExactly("spec.selector: Invalid value:"
        + " v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"ang\", \"tier\":\"web\"},"
        + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
  }

  @Test
  void updateKeepsTheStatusAndStatusUpdateKeepsTheSpec() {
    Deployment old = stored(created(KUBECTL_CREATE));
    old.getStatus().setReplicas(1);

    Deployment update = Json.copy(old);
    update.getSpec().setReplicas(3);
    update.getStatus().setReplicas(7);
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getReplicas()).isEqualTo(3);
    assertThat(update.getStatus().getReplicas()).isEqualTo(1);
    assertThat(strategy.validateUpdate(update, old)).isEmpty();

    Deployment statusUpdate = Json.copy(old);
    statusUpdate.getSpec().setReplicas(9);
    statusUpdate.getMetadata().setLabels(Map.of("sneaky", "yes"));
    statusUpdate.getStatus().setReplicas(2);
    strategy.prepareForStatusUpdate(statusUpdate, old);
    assertThat(statusUpdate.getSpec().getReplicas()).isEqualTo(1);
    assertThat(statusUpdate.getMetadata().getLabels()).isEqualTo(Map.of("app", "ang"));
    assertThat(statusUpdate.getStatus().getReplicas()).isEqualTo(2);
  }

  private Deployment created(String json) {
    Deployment deployment = Json.read(json, Deployment.class);
    deployment.getMetadata().setNamespace("default");
    strategy.prepareForCreate(deployment);
    return deployment;
  }

  /** As the storage layer would have stored it. */
  static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T stored(T object) {
    if (object.getMetadata().getUid() == null) {
      object.getMetadata().setUid("4b4f4a67-0000-4000-8000-000000000001");
    }
    object.getMetadata().setResourceVersion("42");
    object.getMetadata().setCreationTimestamp("2025-01-01T00:00:00Z");
    return Json.copy(object);
  }

  static List<String> messages(List<FieldError> errors) {
    return errors.stream().map(FieldError::toString).toList();
  }
}
