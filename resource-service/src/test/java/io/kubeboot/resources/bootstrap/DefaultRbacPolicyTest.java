package io.kubeboot.resources.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A new cluster has upstream's default roles and bindings, and a restart changes none that exist. */
class DefaultRbacPolicyTest extends ApiTest {

  private static final String CLUSTER_ROLES = "/apis/rbac.authorization.k8s.io/v1/clusterroles/";
  private static final String CLUSTER_ROLE_BINDINGS = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/";

  @Autowired
  DefaultRbacPolicy policy;

  @Test
  void everyAuthenticatedUserMayDiscoverTheApiAndReviewItsOwnAccess() {
    JsonNode discovery = api.get(CLUSTER_ROLE_BINDINGS + "system:discovery").body();
    assertThat(discovery.at("/subjects/0/name").asString()).isEqualTo("system:authenticated");
    assertThat(discovery.at("/metadata/labels/kubernetes.io~1bootstrapping").asString()).isEqualTo("rbac-defaults");
    assertThat(api.get(CLUSTER_ROLE_BINDINGS + "system:basic-user").code()).isEqualTo(200);
    assertThat(api.get(CLUSTER_ROLE_BINDINGS + "cluster-admin").body().at("/subjects/0/name").asString())
        .isEqualTo("system:masters");
  }

  @Test
  void editGathersViewAndItsOwnRulesAndViewLeavesSecretsOut() {
    List<String> edit = resources(api.get(CLUSTER_ROLES + "edit").body());
    List<String> view = resources(api.get(CLUSTER_ROLES + "view").body());
    List<String> admin = resources(api.get(CLUSTER_ROLES + "admin").body());
    assertThat(view).contains("pods", "deployments", "pods/log").doesNotContain("secrets", "pods/exec");
    assertThat(edit).containsAll(view).contains("secrets", "pods/exec");
    assertThat(admin).containsAll(edit).contains("rolebindings", "roles");
  }

  @Test
  void aRestartLeavesAnAdministratorsChangesAlone() throws Exception {
    api.patch(CLUSTER_ROLES + "view", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"changed\":\"yes\"}}}");
    policy.run(null);
    assertThat(api.get(CLUSTER_ROLES + "view").body().at("/metadata/labels/changed").asString()).isEqualTo("yes");
  }

  private static List<String> resources(JsonNode role) {
    List<String> resources = new ArrayList<>();
    role.path("rules").forEach(rule -> rule.path("resources").forEach(r -> resources.add(r.asString())));
    return resources;
  }
}
