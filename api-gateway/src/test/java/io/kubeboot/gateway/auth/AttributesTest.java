package io.kubeboot.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  private static final UserInfo BOB = new UserInfo("bob", "1", List.of());

  @Test
  void aResourceRequestHasItsVerbGroupResourceNamespaceAndName() {
    Attributes scale = attributes("PATCH", "/apis/apps/v1/namespaces/web/deployments/d/scale", Map.of());
    assertThat(scale).isEqualTo(new Attributes(BOB, true, "patch", "apps", "web", "deployments", "scale", "d", null));

    assertThat(attributes("GET", "/api/v1/namespaces/default/pods", Map.of()).verb()).isEqualTo("list");
    assertThat(attributes("GET", "/api/v1/pods", Map.of("watch", "1")).verb()).isEqualTo("watch");
    assertThat(attributes("DELETE", "/api/v1/namespaces/default/pods", Map.of()).verb()).isEqualTo("deletecollection");
    assertThat(attributes("GET", "/api/v1/nodes", Map.of()).namespace()).isNull();
  }

  @Test
  void aNamespaceObjectIsInItselfAsUpstream() {
    Attributes namespace = attributes("GET", "/api/v1/namespaces/team-a", Map.of());
    assertThat(namespace.namespace()).isEqualTo("team-a");
    assertThat(namespace.name()).isEqualTo("team-a");
    assertThat(attributes("GET", "/api/v1/namespaces", Map.of()).namespace()).isNull();
  }

  @Test
  void aListPinnedToOneNameByItsFieldSelectorNamesThatObject() {
    assertThat(attributes("GET", "/api/v1/namespaces/default/configmaps",
        Map.of("fieldSelector", "metadata.name=settings")).name()).isEqualTo("settings");
    assertThat(attributes("GET", "/api/v1/namespaces/default/configmaps",
        Map.of("fieldSelector", "metadata.name!=settings")).name()).isNull();
    assertThat(attributes("GET", "/api/v1/namespaces/default/configmaps",
        Map.of("fieldSelector", "metadata.name")).name()).as("a selector that does not parse").isNull();
    assertThat(attributes("GET", "/api/v1/namespaces/default/configmaps",
        Map.of("fieldSelector", "metadata.name=..")).name()).isNull();
  }

  @Test
  void aPathOutsideTheResourceTreeHasTheHttpMethodAsVerb() {
    assertThat(attributes("GET", "/apis", Map.of())).isEqualTo(new Attributes(BOB, false, "get", null, null, null,
        null, null, "/apis"));
  }

  @Test
  void aRefusalIsWordedAsUpstream() {
    assertThat(forbidden(attributes("GET", "/api/v1/namespaces/default/pods", Map.of()), ""))
        .isEqualTo("pods is forbidden: User \"bob\" cannot list resource \"pods\" in API group \"\" in the namespace "
            + "\"default\"");
    assertThat(forbidden(attributes("PATCH", "/apis/apps/v1/namespaces/web/deployments/d/scale", Map.of()), "no role"))
        .isEqualTo("deployments.apps \"d\" is forbidden: User \"bob\" cannot patch resource \"deployments/scale\" in "
            + "API group \"apps\" in the namespace \"web\": no role");
    assertThat(forbidden(attributes("GET", "/api/v1/nodes", Map.of()), ""))
        .isEqualTo("nodes is forbidden: User \"bob\" cannot list resource \"nodes\" in API group \"\" at the cluster "
            + "scope");
    assertThat(forbidden(attributes("GET", "/apis", Map.of()), ""))
        .isEqualTo("forbidden: User \"bob\" cannot get path \"/apis\"");
    ApiException refused = attributes("DELETE", "/api/v1/namespaces/default/pods/web", Map.of()).forbidden("");
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.reason()).isEqualTo("Forbidden");
    assertThat(refused.status().getDetails().getName()).isEqualTo("web");
  }

  private static String forbidden(Attributes attributes, String reason) {
    return attributes.forbidden(reason).getMessage();
  }

  private static Attributes attributes(String method, String path, Map<String, String> query) {
    return Attributes.of(BOB, RequestInfo.resolve(method, path, query::get), query::get);
  }
}
