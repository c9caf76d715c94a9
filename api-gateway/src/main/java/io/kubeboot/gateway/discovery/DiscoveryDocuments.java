package io.kubeboot.gateway.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.Group;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.GroupList;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.SubresourceEntry;
import io.kubeboot.gateway.discovery.AggregatedDiscovery.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The discovery documents, all derived from the {@link ResourceRegistry}: the legacy ones
 * ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup}, {@code APIResourceList}) and the
 * aggregated {@code APIGroupDiscoveryList}, with the {@link GatewayResources} the gateway serves
 * itself. Groups appear in registry order, resources by name.
 */
@Component
class DiscoveryDocuments {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryDocuments.class);
  private static final String CORE = "";

  /** group -> versions -> resource types, in the registry's order. */
  private final Map<String, Map<String, List<ResourceType>>> groups = new LinkedHashMap<>();

  DiscoveryDocuments(ResourceRegistry registry) {
    List<ResourceType> served = new ArrayList<>(registry.all());
    served.addAll(GatewayResources.ALL.keySet());
    for (ResourceType type : served) {
      if (!Subresource.describesAll(type)) {
        log.warn("discovery leaves out subresources of {} it has no description for: {}", type.plural(),
            type.subresources());
      }
      groups.computeIfAbsent(type.group(), g -> new LinkedHashMap<>())
          .computeIfAbsent(type.version(), v -> new ArrayList<>())
          .add(type);
    }
    groups.values().forEach(versions -> versions.values()
        .forEach(types -> types.sort(Comparator.comparing(ResourceType::plural))));
  }

  APIVersions coreVersions(String serverAddress) {
    return new APIVersionsBuilder()
        .withKind("APIVersions")
        .withVersions(List.copyOf(groups.getOrDefault(CORE, Map.of()).keySet()))
        .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress)
        .build();
  }

  APIGroupList groupList() {
    List<APIGroup> list = groups.keySet().stream().filter(g -> !g.equals(CORE)).map(this::group)
        .map(Optional::orElseThrow).toList();
    return new APIGroupListBuilder().withKind("APIGroupList").withApiVersion("v1").withGroups(list).build();
  }

  Optional<APIGroup> group(String name) {
    if (name.equals(CORE) || !groups.containsKey(name)) {
      return Optional.empty();
    }
    List<GroupVersionForDiscovery> versions = groups.get(name).keySet().stream()
        .map(version -> new GroupVersionForDiscovery(name + "/" + version, version)).toList();
    return Optional.of(new APIGroupBuilder()
        .withKind("APIGroup").withApiVersion("v1")
        .withName(name)
        .withVersions(versions)
        .withPreferredVersion(versions.get(0))
        .build());
  }

  Optional<APIResourceList> resourceList(String group, String version) {
    List<ResourceType> types = groups.getOrDefault(group, Map.of()).get(version);
    if (types == null) {
      return Optional.empty();
    }
    List<APIResource> resources = new ArrayList<>();
    for (ResourceType type : types) {
      resources.add(new APIResourceBuilder()
          .withName(type.plural())
          .withSingularName(type.singular())
          .withNamespaced(type.namespaced())
          .withKind(type.kind())
          .withVerbs(verbs(type))
          .withShortNames(type.shortNames().isEmpty() ? null : type.shortNames())
          .withCategories(categories(type).isEmpty() ? null : categories(type))
          .build());
      for (Subresource subresource : Subresource.of(type)) {
        GroupVersionKind kind = subresource.responseKind(type);
        boolean foreign = !kind.group().equals(type.group()) || !kind.version().equals(type.version());
        resources.add(new APIResourceBuilder()
            .withName(type.plural() + "/" + subresource.path())
            .withSingularName("")
            .withNamespaced(type.namespaced())
            .withGroup(foreign ? kind.group() : null)
            .withVersion(foreign ? kind.version() : null)
            .withKind(kind.kind())
            .withVerbs(subresource.verbs())
            .build());
      }
    }
    String groupVersion = group.equals(CORE) ? version : group + "/" + version;
    return Optional.of(new APIResourceListBuilder()
        .withKind("APIResourceList").withApiVersion("v1")
        .withGroupVersion(groupVersion)
        .withResources(resources)
        .build());
  }

  /**
   * The aggregated document of {@code /api} (only the core group, named "") or {@code /apis}
   * (every other group).
   *
   * @param version {@code v2} or {@code v2beta1}, which differ only in their apiVersion
   */
  GroupList aggregated(boolean core, String version) {
    List<Group> items = new ArrayList<>();
    groups.forEach((group, versions) -> {
      if (group.equals(CORE) == core) {
        List<Version> entries = new ArrayList<>();
        versions.forEach((v, types) -> entries.add(new Version(v, types.stream().map(this::aggregatedResource).toList(),
            "Current")));
        items.add(new Group(group.equals(CORE) ? Map.of() : Map.of("name", group), entries));
      }
    });
    return new GroupList(AggregatedDiscovery.KIND, AggregatedDiscovery.GROUP + "/" + version, Map.of(), items);
  }

  private AggregatedDiscovery.Resource aggregatedResource(ResourceType type) {
    List<SubresourceEntry> subresources = Subresource.of(type).stream()
        .map(s -> new SubresourceEntry(s.path(), s.responseKind(type), s.verbs()))
        .toList();
    return new AggregatedDiscovery.Resource(type.plural(), GroupVersionKind.of(type),
        type.namespaced() ? "Namespaced" : "Cluster", type.singular(), verbs(type), type.shortNames(),
        categories(type), subresources);
  }

  private static List<String> verbs(ResourceType type) {
    return GatewayResources.ALL.getOrDefault(type, ResourceType.VERBS);
  }

  private static List<String> categories(ResourceType type) {
    return type.inCategoryAll() ? List.of("all") : List.of();
  }
}
