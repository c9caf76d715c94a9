package io.kubeboot.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiDocumentsTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final OpenApiDocuments documents = new OpenApiDocuments(ResourceRegistry.standard(), json);

  @Test
  void theIndexPointsAtEveryGroupVersionByHash() {
    JsonNode paths = json.readTree(documents.index()).path("paths");

    assertThat(paths.propertyNames()).containsExactly("api/v1", "apis/apps/v1", "apis/batch/v1",
        "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io/v1", "apis/rbac.authorization.k8s.io/v1");
    String hash = documents.document("apis/apps/v1").orElseThrow().hash();
    assertThat(paths.path("apis/apps/v1").path("serverRelativeURL").asString())
        .isEqualTo("/openapi/v3/apis/apps/v1?hash=" + hash);
  }

  /** What kubectl's apply looks for before it trusts the server to validate: see kubectl-contract.md. */
  @Test
  void everyPatchOfEveryKindCarriesItsKindAndFieldValidation() {
    for (ResourceType type : ResourceRegistry.standard().all()) {
      JsonNode doc = json.readTree(documents.document(type.groupVersionPath().substring(1)).orElseThrow().json());
      String item = type.groupVersionPath() + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural()
          + "/{name}";
      JsonNode patch = doc.path("paths").path(item).path("patch");
      assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asString()).as(item)
          .isEqualTo(type.kind());
      assertThat(patch.path("x-kubernetes-group-version-kind").path("group").asString()).isEqualTo(type.group());
      assertThat(patch.path("parameters").findValuesAsString("name")).as(item).contains("fieldValidation");
      assertThat(patch.path("requestBody").isMissingNode()).isTrue();
    }
  }

  @Test
  void subresourcePatchesCarryTheKindTheyTake() {
    JsonNode doc = json.readTree(documents.document("apis/apps/v1").orElseThrow().json());
    JsonNode scale = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");

    assertThat(scale.path("patch").path("x-kubernetes-group-version-kind").toString())
        .isEqualTo("{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"}");
    assertThat(scale.path("patch").path("operationId").asString()).isEqualTo("patchAppsV1NamespacedDeploymentScale");
  }

  @Test
  void operationsAreNamedAsUpstream() {
    ResourceType roles = ResourceRegistry.standard().find("rbac.authorization.k8s.io", "v1", "clusterroles")
        .orElseThrow();
    ResourceType pods = ResourceRegistry.standard().find("", "v1", "pods").orElseThrow();

    assertThat(OpenApiDocuments.operationKind(roles, false)).isEqualTo("RbacAuthorizationV1ClusterRole");
    assertThat(OpenApiDocuments.operationKind(pods, true)).isEqualTo("CoreV1NamespacedPod");
  }
}
