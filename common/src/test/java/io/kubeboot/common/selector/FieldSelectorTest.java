package io.kubeboot.common.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeboot.common.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FieldSelectorTest {

  private static final JsonMapper JSON = JsonMapper.shared();

  private static final JsonNode SCHEDULED_POD = pod("web-1", "node-1", "Running");
  private static final JsonNode PENDING_POD = pod("web-2", null, "Pending");

  private static final JsonNode EVENT = JSON.readTree("""
      {"kind":"Event","apiVersion":"v1",
       "metadata":{"name":"web-1.17a","namespace":"default"},
       "involvedObject":{"kind":"Pod","namespace":"default","name":"web-1","uid":"u-1","apiVersion":"v1"},
       "reason":"Scheduled","type":"Normal","source":{"component":"default-scheduler"}}
      """);

  private static JsonNode pod(String name, String nodeName, String phase) {
    Pod pod = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace("default").addToLabels("app", "web").endMetadata()
        .withNewSpec().withNodeName(nodeName).withSchedulerName("default-scheduler").endSpec()
        .withNewStatus().withPhase(phase).endStatus()
        .build();
    return JSON.valueToTree(pod);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "metadata.name=web-1                         | true  | false",
      "metadata.name==web-1                        | true  | false",
      "metadata.name!=web-1                        | false | true",
      "metadata.namespace=default                  | true  | true",
      "spec.nodeName=node-1                        | true  | false",
      "spec.nodeName=                              | false | true",
      "spec.nodeName!=                             | true  | false",
      "status.phase!=Running                       | false | true",
      "status.phase=Pending,spec.nodeName=         | false | true",
      "spec.schedulerName=default-scheduler        | true  | true",
      "metadata.labels.app=web                     | true  | true",
      "metadata.namespace=default,status.phase=Running,metadata.name=web-1 | true | false"})
  void selectsPodsByFieldsOfTheirJson(String selector, boolean scheduled, boolean pending) {
    FieldSelector fields = FieldSelector.parse(selector);

    assertThat(fields.matches(SCHEDULED_POD)).isEqualTo(scheduled);
    assertThat(fields.matches(PENDING_POD)).isEqualTo(pending);
  }

  @Test
  void selectsEventsTheWayKubectlDescribeAsks() {
    FieldSelector describePod = FieldSelector.parse(
        "involvedObject.name=web-1,involvedObject.namespace=default,involvedObject.uid=u-1");
    FieldSelector describeService = FieldSelector.parse(
        "involvedObject.name=web-1,involvedObject.namespace=default,involvedObject.kind=Service");

    assertThat(describePod.matches(EVENT)).isTrue();
    assertThat(describeService.matches(EVENT)).isFalse();
    assertThat(FieldSelector.parse("reason=Scheduled,type=Normal").matches(EVENT)).isTrue();
    assertThat(FieldSelector.parse("source=default-scheduler").matches(EVENT)).isTrue();
  }

  @Test
  void absentBoolsAndCountsReadAsUpstreamsZeroValues() {
    JsonNode node = JSON.readTree("{\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},\"spec\":{}}");
    JsonNode cordoned =
        JSON.readTree("{\"kind\":\"Node\",\"metadata\":{\"name\":\"n2\"},\"spec\":{\"unschedulable\":true}}");
    JsonNode replicaSet = JSON.readTree("{\"kind\":\"ReplicaSet\",\"status\":{\"replicas\":3}}");

    assertThat(FieldSelector.parse("spec.unschedulable=false").matches(node)).isTrue();
    assertThat(FieldSelector.parse("spec.unschedulable=false").matches(cordoned)).isFalse();
    assertThat(FieldSelector.parse("spec.unschedulable=true").matches(cordoned)).isTrue();
    assertThat(FieldSelector.parse("status.replicas=3").matches(replicaSet)).isTrue();
    assertThat(FieldSelector.valueOf(node, "status.replicas")).isEqualTo("0");
    assertThat(FieldSelector.absentValue("spec.nodeName")).isEmpty();
  }

  @Test
  void selectsSecretsByType() {
    JsonNode secret = JSON.readTree("{\"kind\":\"Secret\",\"type\":\"kubernetes.io/tls\"}");

    assertThat(FieldSelector.parse("type=kubernetes.io/tls").matches(secret)).isTrue();
    assertThat(FieldSelector.parse("type!=kubernetes.io/tls").matches(secret)).isFalse();
  }

  @Test
  void valuesEscapeBackslashCommaAndEquals() {
    FieldSelector selector = FieldSelector.parse("metadata.name=a\\,b\\=c\\\\d");

    assertThat(selector.requirements()).containsExactly(new FieldRequirement("metadata.name", true, "a,b=c\\d"));
    assertThat(selector).hasToString("metadata.name=a\\,b\\=c\\\\d");
    assertThat(selector.matches(JSON.readTree("{\"metadata\":{\"name\":\"a,b=c\\\\d\"}}"))).isTrue();
  }

  @Test
  void canonicalStringSortsTermsAndSpellsEqualityOnce() {
    FieldSelector selector = FieldSelector.parse("status.phase!=Failed,metadata.name==web,,spec.nodeName=");

    assertThat(selector).hasToString("metadata.name=web,spec.nodeName=,status.phase!=Failed");
    assertThat(selector.fields()).containsExactly("metadata.name", "spec.nodeName", "status.phase");
    assertThat(selector.requirements()).containsExactly(
        new FieldRequirement("metadata.name", true, "web"),
        new FieldRequirement("spec.nodeName", true, ""),
        new FieldRequirement("status.phase", false, "Failed"));
    assertThat(selector).isEqualTo(FieldSelector.parse("spec.nodeName=,metadata.name=web,status.phase!=Failed"));
  }

  @Test
  void exactMatchIsWhatAnEqualsTermPins() {
    FieldSelector selector = FieldSelector.parse("metadata.name=web,spec.nodeName!=n1");

    assertThat(selector.requiresExactMatch("metadata.name")).contains("web");
    assertThat(selector.requiresExactMatch("spec.nodeName")).isEmpty();
  }

  @Test
  void nullOrEmptySelectsEverything() {
    assertThat(FieldSelector.parse(null).isEmpty()).isTrue();
    assertThat(FieldSelector.parse("").matches(SCHEDULED_POD)).isTrue();
    assertThat(FieldSelector.parse(",").isEmpty()).isTrue();
    assertThat(FieldSelector.parse("")).isEqualTo(FieldSelector.everything()).hasToString("");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "metadata.name            | invalid selector: 'metadata.name'; can't understand 'metadata.name'",
      "a=b,spec.nodeName        | invalid selector: 'a=b,spec.nodeName'; can't understand 'spec.nodeName'",
      "metadata.name in (a,b)   | invalid selector: 'metadata.name in (a,b)'; can't understand 'b)'",
      "metadata.name=a=b        | invalid field selector: unescaped character in value: 61",
      "metadata.name=a\\x       | invalid field selector: invalid escape sequence: \\x",
      "metadata.name=a\\        | invalid field selector: invalid escape sequence: \\"})
  void unsupportedSyntaxIsABadRequest(String selector, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}
