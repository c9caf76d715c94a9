package io.kubeboot.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.Group;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.GroupList;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {

  private final DiscoveryDocuments documents = new DiscoveryDocuments(ResourceRegistry.standard());

  @Test
  void everySubresourceTheRegistryDeclaresIsDescribed() {
    for (ResourceType type : ResourceRegistry.standard().all()) {
      assertThat(Subresource.describesAll(type)).as(type.plural() + " " + type.subresources()).isTrue();
    }
  }

  @Test
  void theCoreGroupHasOnlyV1() {
    assertThat(documents.coreVersions("10.0.0.1:6443").getVersions()).containsExactly("v1");
    assertThat(documents.coreVersions("10.0.0.1:6443").getServerAddressByClientCIDRs().get(0).getServerAddress())
        .isEqualTo("10.0.0.1:6443");
  }

  @Test
  void theGroupListHasEveryOtherGroupWithItsPreferredVersion() {
    assertThat(documents.groupList().getGroups()).extracting("name").containsExactly("apps", "batch",
        "coordination.k8s.io", "discovery.k8s.io", "rbac.authorization.k8s.io", "authorization.k8s.io");
    assertThat(documents.group("apps").orElseThrow().getPreferredVersion().getGroupVersion()).isEqualTo("apps/v1");
    assertThat(documents.group("")).isEmpty();
    assertThat(documents.group("example.com")).isEmpty();
  }

  @Test
  void resourcesCarryWhatKubectlNeeds() {
    APIResource pods = resource(documents.resourceList("", "v1").orElseThrow(), "pods");

    assertThat(pods.getSingularName()).isEqualTo("pod");
    assertThat(pods.getNamespaced()).isTrue();
    assertThat(pods.getKind()).isEqualTo("Pod");
    assertThat(pods.getVerbs()).containsExactly("create", "delete", "deletecollection", "get", "list", "patch",
        "update", "watch");
    assertThat(pods.getShortNames()).containsExactly("po");
    assertThat(pods.getCategories()).containsExactly("all");
    APIResource nodes = resource(documents.resourceList("", "v1").orElseThrow(), "nodes");
    assertThat(nodes.getNamespaced()).isFalse();
    assertThat(nodes.getCategories()).isNull();
  }

  @Test
  void theReviewsTheGatewayAnswersItselfAreListedWithTheirOnlyVerb() {
    APIResource review = resource(documents.resourceList("authorization.k8s.io", "v1").orElseThrow(),
        "selfsubjectaccessreviews");
    assertThat(review.getKind()).isEqualTo("SelfSubjectAccessReview");
    assertThat(review.getNamespaced()).isFalse();
    assertThat(review.getVerbs()).containsExactly("create");
    Group authorization = documents.aggregated(false, "v2").items().stream()
        .filter(group -> "authorization.k8s.io".equals(group.metadata().get("name"))).findFirst().orElseThrow();
    assertThat(authorization.versions().get(0).resources()).singleElement()
        .satisfies(resource -> assertThat(resource.verbs()).containsExactly("create"));
  }

  @Test
  void subresourcesAreListedWithTheKindTheyAnswer() {
    APIResourceList core = documents.resourceList("", "v1").orElseThrow();
    APIResourceList apps = documents.resourceList("apps", "v1").orElseThrow();

    assertThat(resource(core, "pods/log").getKind()).isEqualTo("Pod");
    assertThat(resource(core, "pods/log").getVerbs()).containsExactly("get");
    assertThat(resource(core, "pods/status").getVerbs()).containsExactly("get", "patch", "update");
    assertThat(resource(core, "pods/binding").getKind()).isEqualTo("Binding");
    assertThat(resource(core, "pods/exec").getKind()).isEqualTo("PodExecOptions");
    assertThat(resource(core, "pods/eviction").getGroup()).isEqualTo("policy");
    APIResource scale = resource(apps, "deployments/scale");
    assertThat(List.of(scale.getGroup(), scale.getVersion(), scale.getKind()))
        .containsExactly("autoscaling", "v1", "Scale");
    assertThat(resource(apps, "deployments/status").getGroup()).isNull();
  }

  @Test
  void unknownGroupVersionsHaveNoResourceList() {
    assertThat(documents.resourceList("apps", "v1beta1")).isEmpty();
    assertThat(documents.resourceList("", "v2")).isEmpty();
  }

  @Test
  void theAggregatedCoreDocumentIsTheUnnamedGroup() {
    GroupList core = documents.aggregated(true, "v2");

    assertThat(core.apiVersion()).isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(core.kind()).isEqualTo("APIGroupDiscoveryList");
    assertThat(core.items()).hasSize(1);
    Group group = core.items().get(0);
    assertThat(group.metadata()).isEmpty();
    Resource deployments = aggregatedResource(documents.aggregated(false, "v2"), "apps", "deployments");
    assertThat(deployments.scope()).isEqualTo("Namespaced");
    assertThat(deployments.singularResource()).isEqualTo("deployment");
    assertThat(deployments.shortNames()).containsExactly("deploy");
    assertThat(deployments.categories()).containsExactly("all");
    assertThat(deployments.subresources()).extracting(s -> s.subresource() + ":" + s.responseKind().kind())
        .containsExactly("status:Deployment", "scale:Scale");
  }

  @Test
  void v2beta1DiffersOnlyInItsApiVersion() {
    assertThat(documents.aggregated(false, "v2beta1").apiVersion()).isEqualTo("apidiscovery.k8s.io/v2beta1");
    assertThat(documents.aggregated(false, "v2beta1").items()).isEqualTo(documents.aggregated(false, "v2").items());
  }

  private static APIResource resource(APIResourceList list, String name) {
    return list.getResources().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
  }

  private static Resource aggregatedResource(GroupList list, String group, String name) {
    return list.items().stream().filter(g -> group.equals(g.metadata().get("name")))
        .flatMap(g -> g.versions().get(0).resources().stream())
        .filter(r -> r.resource().equals(name)).findFirst().orElseThrow();
  }
}
