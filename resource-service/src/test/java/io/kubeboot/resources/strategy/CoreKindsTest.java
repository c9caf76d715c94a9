package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces, Secrets, ConfigMaps, Nodes and Events. */
class CoreKindsTest {

  @Test
  void namespaceGetsItsNameLabelPhaseAndFinalizer() {
    ResourceStrategy<Namespace> strategy = Strategies.forClass(Namespace.class);
    Namespace namespace = Json.read("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\","
        + "\"labels\":{\"kubernetes.io/metadata.name\":\"spoofed\"}}}", Namespace.class);
    strategy.prepareForCreate(namespace);
    assertThat(namespace.getMetadata().getLabels()).containsEntry("kubernetes.io/metadata.name", "team-a");
    assertThat(namespace.getSpec().getFinalizers()).containsExactly("kubernetes");
    assertThat(namespace.getStatus().getPhase()).isEqualTo("Active");
    assertThat(StorageCalls.createErrors(strategy, namespace)).isEmpty();

    Namespace old = DeploymentsTest.stored(namespace);
    Namespace update = Json.copy(old);
    update.getSpec().setFinalizers(List.of());
    update.getStatus().setPhase("Terminating");
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getFinalizers()).containsExactly("kubernetes");
    assertThat(update.getStatus().getPhase()).isEqualTo("Active");
  }

  @Test
  void namespaceNamesAreLabels() {
    ResourceStrategy<Namespace> strategy = Strategies.forClass(Namespace.class);
    Namespace namespace = Json.read("{\"metadata\":{\"name\":\"team.a\"}}", Namespace.class);
    strategy.prepareForCreate(namespace);
    assertThat(StorageCalls.createErrors(strategy, namespace))
        .containsExactly("metadata.name: Invalid value: \"team.a\": must not contain dots");
  }

  @Test
  void secretIsOpaqueAndStringDataIsFoldedIntoData() {
    ResourceStrategy<Secret> strategy = Strategies.forClass(Secret.class);
    Secret secret = Json.read("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\",\"namespace\":"
        + "\"default\"},\"data\":{\"a\":\"eA==\"},\"stringData\":{\"password\":\"hunter2\"}}", Secret.class);
    strategy.prepareForCreate(secret);
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getData()).isEqualTo(Map.of("a", "eA==", "password", "aHVudGVyMg=="));
    assertThat(secret.getStringData()).isNull();
    assertThat(StorageCalls.createErrors(strategy, secret)).isEmpty();

    secret.setData(Map.of("bad key", "eA=="));
    secret.setType("kubernetes.io/tls");
    assertThat(messages(strategy.validate(secret))).containsExactly(
        "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-',"
            + " '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
            + " '[-._a-zA-Z0-9]+')",
        "data[tls.crt]: Required value",
        "data[tls.key]: Required value");
  }

  @Test
  void immutableConfigMapsStayAsTheyAre() {
    ResourceStrategy<ConfigMap> strategy = Strategies.forClass(ConfigMap.class);
    ConfigMap old = Json.read("{\"metadata\":{\"name\":\"c\",\"namespace\":\"default\",\"resourceVersion\":\"3\"},"
        + "\"immutable\":true,\"data\":{\"k\":\"v\"}}", ConfigMap.class);
    ConfigMap update = Json.copy(old);
    update.setData(Map.of("k", "w"));
    update.setImmutable(false);
    strategy.prepareForUpdate(update, old);
    assertThat(messages(strategy.validateUpdate(update, old))).containsExactly(
        "immutable: Forbidden: field is immutable when `immutable` is set",
        "data: Forbidden: field is immutable when `immutable` is set");
  }

  @Test
  void nodePodCidrIsSetOnceAndMirrored() {
    ResourceStrategy<Node> strategy = Strategies.forClass(Node.class);
    Node node = Json.read("{\"metadata\":{\"name\":\"node-1\"},\"status\":{\"phase\":\"Running\"}}", Node.class);
    strategy.prepareForCreate(node);
    assertThat(node.getStatus().getPhase()).isEqualTo("Running");

    Node old = DeploymentsTest.stored(node);
    Node assigned = Json.copy(old);
    assigned.getSpec().setPodCIDR("10.244.1.0/24");
    strategy.prepareForUpdate(assigned, old);
    assertThat(assigned.getSpec().getPodCIDRs()).containsExactly("10.244.1.0/24");
    assertThat(strategy.validateUpdate(assigned, old)).isEmpty();

    Node withCidr = DeploymentsTest.stored(assigned);
    Node changed = Json.copy(withCidr);
    changed.getSpec().setPodCIDRs(List.of("10.244.2.0/24"));
    strategy.prepareForUpdate(changed, withCidr);
    assertThat(messages(strategy.validateUpdate(changed, withCidr))).containsExactly(
        "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid");
  }

  @Test
  void eventsLiveInTheirObjectsNamespace() {
    ResourceStrategy<Event> strategy = Strategies.forClass(Event.class);
    Event event = Json.read("{\"metadata\":{\"name\":\"web.17a2b3c4d5e6f7a8\",\"namespace\":\"default\"},"
        + "\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\",\"namespace\":\"other\"},\"reason\":\"Scheduled\"}",
        Event.class);
    strategy.prepareForCreate(event);
    assertThat(messages(strategy.validate(event))).containsExactly(
        "involvedObject.namespace: Invalid value: \"other\": does not match event.namespace");
  }
}
