package io.kubeboot.gateway.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code apidiscovery.k8s.io} documents (v2, and v2beta1 with the same shape): every group,
 * version and resource in one response, so kubectl needs no further discovery requests. fabric8
 * has no model for them.
 */
final class AggregatedDiscovery {

  static final String GROUP = "apidiscovery.k8s.io";
  static final String KIND = "APIGroupDiscoveryList";

  private AggregatedDiscovery() {
  }

  record GroupList(String kind, String apiVersion, Map<String, Object> metadata, List<Group> items) {
  }

  /** {@code metadata.name} is the group; the core group has none. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Group(Map<String, Object> metadata, List<Version> versions) {
  }

  record Version(String version, List<Resource> resources, String freshness) {
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Resource(String resource, GroupVersionKind responseKind, String scope, String singularResource,
      List<String> verbs, List<String> shortNames, List<String> categories, List<SubresourceEntry> subresources) {
  }

  record SubresourceEntry(String subresource, GroupVersionKind responseKind, List<String> verbs) {
  }
}
