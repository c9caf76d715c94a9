package io.kubeboot.scheduler.plugins;

import static io.kubeboot.scheduler.plugins.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.kubeboot.common.scheduling.NodeSelectorMatcher;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAffinityTest {

  private static NodeSelectorRequirement requirement(String key, String operator, String... values) {
    return new NodeSelectorRequirementBuilder().withKey(key).withOperator(operator).withValues(values).build();
  }

  @Test
  void operatorsFollowUpstream() {
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "In", "a", "b"), "a")).isTrue();
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "In", "a"), null)).isFalse();
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "NotIn", "a"), null)).isTrue();
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "NotIn", "a"), "a")).isFalse();
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "Exists"), "")).isTrue();
    assertThat(NodeSelectorMatcher.matches(requirement("zone", "DoesNotExist"), "x")).isFalse();
    assertThat(NodeSelectorMatcher.matches(requirement("cores", "Gt", "4"), "8")).isTrue();
    assertThat(NodeSelectorMatcher.matches(requirement("cores", "Lt", "4"), "8")).isFalse();
    assertThat(NodeSelectorMatcher.matches(requirement("cores", "Gt", "4"), "many")).isFalse();
  }

  @Test
  void termsAreOredAndRequirementsWithinATermAnded() {
    var term1 = new NodeSelectorTermBuilder().withMatchExpressions(requirement("zone", "In", "a"),
        requirement("disk", "In", "ssd")).build();
    var term2 = new NodeSelectorTermBuilder().withMatchFields(requirement("metadata.name", "In", "special")).build();
    var selector = new io.fabric8.kubernetes.api.model.NodeSelector(List.of(term1, term2));

    assertThat(NodeSelectorMatcher.matches(selector, "n1", Map.of("zone", "a", "disk", "ssd"))).isTrue();
    assertThat(NodeSelectorMatcher.matches(selector, "n1", Map.of("zone", "a"))).isFalse();
    assertThat(NodeSelectorMatcher.matches(selector, "special", Map.of())).isTrue();
    assertThat(NodeSelectorMatcher.matches(new NodeSelectorTermBuilder().build(), "n", Map.of())).isFalse();
  }

  @Test
  void nodeSelectorAndRequiredAffinityMustBothMatch() {
    PodSpec spec = new PodBuilder(pod("p")).editSpec().addToNodeSelector("disk", "ssd")
        .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().addToMatchExpressions(requirement("zone", "NotIn", "b")).endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build().getSpec();

    assertThat(NodeAffinity.matches(spec, "n", Map.of("disk", "ssd", "zone", "a"))).isTrue();
    assertThat(NodeAffinity.matches(spec, "n", Map.of("disk", "ssd", "zone", "b"))).isFalse();
    assertThat(NodeAffinity.matches(spec, "n", Map.of("zone", "a"))).isFalse();
  }
}
