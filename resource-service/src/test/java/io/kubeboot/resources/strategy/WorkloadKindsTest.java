package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DaemonSets, StatefulSets and ReplicaSets: their defaults and the rules they do not share with Deployments. */
class WorkloadKindsTest {

  private static final String SPEC = """
      "selector":{"matchLabels":{"app":"w"}},
      "template":{"metadata":{"labels":{"app":"w"}},"spec":{"containers":[{"name":"w","image":"busybox:1.36"}]}}""";

  private final ResourceStrategy<DaemonSet> daemonSets = Strategies.forClass(DaemonSet.class);
  private final ResourceStrategy<StatefulSet> statefulSets = Strategies.forClass(StatefulSet.class);
  private final ResourceStrategy<ReplicaSet> replicaSets = Strategies.forClass(ReplicaSet.class);

  @Test
  void daemonSetDefaults() {
    DaemonSet daemonSet = created(daemonSets, DaemonSet.class, "DaemonSet", "apps/v1");
    assertThat(Json.tree(daemonSet.getSpec().getUpdateStrategy())).isEqualTo(Json.tree(
        "{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":1,\"maxSurge\":0}}"));
    assertThat(daemonSet.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(daemonSet.getMetadata().getAnnotations())
        .containsEntry("deprecated.daemonset.template.generation", "1");
    assertThat(StorageCalls.createErrors(daemonSets, daemonSet)).isEmpty();
  }

  @Test
  void daemonSetSurgeAndUnavailableAreExclusive() {
    DaemonSet daemonSet = created(daemonSets, DaemonSet.class, "DaemonSet", "apps/v1");
    daemonSet.getSpec().getUpdateStrategy().getRollingUpdate().setMaxSurge(new IntOrString("10%"));
    assertThat(messages(daemonSets.validate(daemonSet))).containsExactly("spec.updateStrategy.rollingUpdate.maxSurge:"
        + " Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"10%\"}: may not be set when maxUnavailable is"
        + " non-zero");
  }

  @Test
  void daemonSetTemplateChangeCountsAGeneration() {
    DaemonSet old = DeploymentsTest.stored(created(daemonSets, DaemonSet.class, "DaemonSet", "apps/v1"));
    DaemonSet update = Json.copy(old);
    update.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("busybox:1.37");
    daemonSets.prepareForUpdate(update, old);
    assertThat(update.getMetadata().getAnnotations()).containsEntry("deprecated.daemonset.template.generation", "2");
  }

  @Test
  void statefulSetDefaults() {
    StatefulSet statefulSet = created(statefulSets, StatefulSet.class, "StatefulSet", "apps/v1");
    assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(1);
    assertThat(statefulSet.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
    assertThat(Json.tree(statefulSet.getSpec().getUpdateStrategy()))
        .isEqualTo(Json.tree("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":0}}"));
    assertThat(Json.tree(statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy()))
        .isEqualTo(Json.tree("{\"whenDeleted\":\"Retain\",\"whenScaled\":\"Retain\"}"));
    assertThat(statefulSet.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(StorageCalls.createErrors(statefulSets, statefulSet)).isEmpty();
  }

  @Test
  void statefulSetNamesAreLabelsAndMostOfTheSpecIsFixed() {
    assertThat(statefulSets.nameRule()).isEqualTo(NameRule.DNS1123_LABEL);
    StatefulSet old = DeploymentsTest.stored(created(statefulSets, StatefulSet.class, "StatefulSet", "apps/v1"));
    StatefulSet update = Json.copy(old);
    update.getSpec().setReplicas(3);
    update.getSpec().setServiceName("other");
    statefulSets.prepareForUpdate(update, old);
    assertThat(messages(statefulSets.validateUpdate(update, old))).containsExactly("spec: Forbidden: updates to"
        + " statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy',"
        + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
  }

  @Test
  void replicaSetSelectorIsImmutableAndPodsRestartAlways() {
    ReplicaSet replicaSet = created(replicaSets, ReplicaSet.class, "ReplicaSet", "apps/v1");
    assertThat(replicaSet.getSpec().getReplicas()).isEqualTo(1);
    replicaSet.getSpec().getTemplate().getSpec().setRestartPolicy("Never");
    assertThat(messages(replicaSets.validate(replicaSet))).containsExactly(
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"");

    ReplicaSet old = DeploymentsTest.stored(created(replicaSets, ReplicaSet.class, "ReplicaSet", "apps/v1"));
    ReplicaSet update = Json.copy(old);
    update.getSpec().getSelector().setMatchLabels(Map.of("app", "w", "v", "2"));
    update.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "w", "v", "2"));
    replicaSets.prepareForUpdate(update, old);
    assertThat(messages(replicaSets.validateUpdate(update, old))).singleElement().asString()
        .startsWith("spec.selector: Invalid value: v1.LabelSelector{").endsWith("field is immutable");
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T created(ResourceStrategy<T> strategy,
      Class<T> type, String kind, String apiVersion) {
    T object = Json.read("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"w\","
        + "\"namespace\":\"default\"},\"spec\":{" + SPEC + "}}", type);
    strategy.prepareForCreate(object);
    return object;
  }
}
