package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMetaValidationTest {

  private static final ResourceType PODS = ResourceRegistry.standard().find("", "v1", "pods").orElseThrow();
  private static final ResourceType NODES = ResourceRegistry.standard().find("", "v1", "nodes").orElseThrow();

  @Test
  void nameOrGenerateNameIsRequired() {
    assertThat(messages(new ObjectMetaBuilder().withNamespace("default").build(), PODS))
        .containsExactly("metadata.name: Required value: name or generateName is required");
  }

  @Test
  void invalidNameIsReportedAsKubectlPrintsIt() {
    assertThat(messages(meta("Bad_Name", "default"), PODS)).containsExactly(
        "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
            + " 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }

  @Test
  void namespaceIsRequiredExactlyForNamespacedKinds() {
    assertThat(messages(meta("web", null), PODS)).containsExactly("metadata.namespace: Required value");
    assertThat(messages(meta("node-1", "default"), NODES))
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
    assertThat(messages(meta("node-1", null), NODES)).isEmpty();
  }

  @Test
  void labelKeysAndValuesAreCheckedOnTheMapsPath() {
    ObjectMeta meta = meta("web", "default");
    meta.setLabels(Map.of("app", "bad value"));
    assertThat(messages(meta, PODS)).singleElement().asString()
        .startsWith("metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of");
    meta.setLabels(Map.of("example.com/a/b", "x"));
    assertThat(messages(meta, PODS)).singleElement().asString()
        .startsWith("metadata.labels: Invalid value: \"example.com/a/b\": a qualified name must consist of");
  }

  @Test
  void annotationsAreLimitedTo256KiBInTotal() {
    ObjectMeta meta = meta("web", "default");
    meta.setAnnotations(Map.of("big", "x".repeat(256 * 1024)));
    assertThat(messages(meta, PODS)).containsExactly("metadata.annotations: Too long: must have at most 262144 bytes");
  }

  @Test
  void generateNameIsCheckedAsAPrefix() {
    ObjectMeta meta = new ObjectMetaBuilder().withGenerateName("web-").withName("web-x7k2p").withNamespace("default")
        .build();
    assertThat(messages(meta, PODS)).isEmpty();
  }

  @Test
  void updatesMayNotChangeIdentity() {
    ObjectMeta old = new ObjectMetaBuilder().withName("web").withNamespace("default").withUid("u1")
        .withResourceVersion("5").build();
    ObjectMeta changed = new ObjectMetaBuilder(old).withUid("u2").build();
    assertThat(ObjectMetaValidation.validateUpdate(changed, old)).extracting(FieldError::toString)
        .containsExactly("metadata.uid: Invalid value: \"u2\": field is immutable");
  }

  private static ObjectMeta meta(String name, String namespace) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).build();
  }

  private static List<String> messages(ObjectMeta meta, ResourceType type) {
    return ObjectMetaValidation.validate(meta, type, NameRule.DNS1123_SUBDOMAIN).stream().map(FieldError::toString)
        .toList();
  }
}
