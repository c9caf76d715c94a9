package io.kubeboot.gateway.discovery;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.kubeboot.common.resource.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources the gateway answers itself and resource-service neither stores nor knows (so they are not
 * in the registry): upstream's review APIs, which only take {@code create}. Discovery lists them
 * with their own verbs.
 */
final class GatewayResources {

  /** Each resource with its verbs, in discovery order. */
  static final Map<ResourceType, List<String>> ALL = all();

  private GatewayResources() {
  }

  private static Map<ResourceType, List<String>> all() {
    Map<ResourceType, List<String>> all = new LinkedHashMap<>();
    all.put(new ResourceType("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews",
        "selfsubjectaccessreview", false, List.of(), Set.of(), SelfSubjectAccessReview.class), List.of("create"));
    return Map.copyOf(all);
  }
}
