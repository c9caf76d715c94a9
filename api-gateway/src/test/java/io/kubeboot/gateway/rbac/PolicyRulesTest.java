package io.kubeboot.gateway.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeboot.gateway.auth.Attributes;
import io.kubeboot.gateway.auth.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  private static final UserInfo ALICE = new UserInfo("alice", "", List.of());

  @Test
  void verbGroupAndResourceMustAllMatch() {
    PolicyRule readPods = rule(List.of(""), List.of("pods"), List.of("get", "list"));
    assertThat(PolicyRules.allows(readPods, request("list", "", "pods", null, null))).isTrue();
    assertThat(PolicyRules.allows(readPods, request("delete", "", "pods", null, "web"))).isFalse();
    assertThat(PolicyRules.allows(readPods, request("list", "apps", "pods", null, null))).isFalse();
    assertThat(PolicyRules.allows(readPods, request("list", "", "services", null, null))).isFalse();
  }

  @Test
  void starsMatchEveryVerbGroupAndResourceIncludingSubresources() {
    PolicyRule everything = rule(List.of("*"), List.of("*"), List.of("*"));
    assertThat(PolicyRules.allows(everything, request("deletecollection", "apps", "deployments", null, null))).isTrue();
    assertThat(PolicyRules.allows(everything, request("patch", "apps", "deployments", "scale", "web"))).isTrue();
  }

  @Test
  void aSubresourceNeedsItsOwnEntryOrAStarForTheResource() {
    PolicyRule pods = rule(List.of(""), List.of("pods"), List.of("get"));
    assertThat(PolicyRules.allows(pods, request("get", "", "pods", "log", "web"))).isFalse();
    assertThat(PolicyRules.allows(rule(List.of(""), List.of("pods/log"), List.of("get")),
        request("get", "", "pods", "log", "web"))).isTrue();
    PolicyRule anyStatus = rule(List.of("*"), List.of("*/status"), List.of("update"));
    assertThat(PolicyRules.allows(anyStatus, request("update", "apps", "deployments", "status", "web"))).isTrue();
    assertThat(PolicyRules.allows(anyStatus, request("update", "apps", "deployments", null, "web"))).isFalse();
  }

  @Test
  void resourceNamesLimitTheRuleToThoseObjects() {
    PolicyRule one = new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
        .withResourceNames("settings").withVerbs("get", "list").build();
    assertThat(PolicyRules.allows(one, request("get", "", "configmaps", null, "settings"))).isTrue();
    assertThat(PolicyRules.allows(one, request("get", "", "configmaps", null, "other"))).isFalse();
    assertThat(PolicyRules.allows(one, request("list", "", "configmaps", null, null)))
        .as("a list of every object names none").isFalse();
  }

  @Test
  void nonResourceUrlsMatchExactlyOrByStarredPrefix() {
    PolicyRule discovery = new PolicyRuleBuilder().withNonResourceURLs("/api", "/apis/*", "/version")
        .withVerbs("get").build();
    assertThat(PolicyRules.allows(discovery, path("get", "/api"))).isTrue();
    assertThat(PolicyRules.allows(discovery, path("get", "/apis/apps/v1"))).isTrue();
    assertThat(PolicyRules.allows(discovery, path("get", "/api/v1"))).isFalse();
    assertThat(PolicyRules.allows(discovery, path("post", "/api"))).isFalse();
    assertThat(PolicyRules.allows(discovery, request("get", "", "pods", null, null)))
        .as("a rule of paths allows no resource").isFalse();
    assertThat(PolicyRules.allows(rule(List.of("*"), List.of("*"), List.of("*")), path("get", "/api")))
        .as("a rule of resources allows no path").isFalse();
  }

  private static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder().withApiGroups(groups).withResources(resources).withVerbs(verbs).build();
  }

  private static Attributes request(String verb, String group, String resource, String subresource, String name) {
    return Attributes.ofResource(ALICE, verb, group, "default", resource, subresource, name);
  }

  private static Attributes path(String verb, String path) {
    return Attributes.ofPath(ALICE, verb, path);
  }
}
