package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.resource.ResourceType;

/**
 * The strategy of a kind without rules of its own (ServiceAccount, Endpoints, Lease, RBAC
 * objects ...): its name rule and the metadata rules every object obeys.
 */
final class GenericStrategy<T extends HasMetadata> extends BaseStrategy<T> {

  GenericStrategy(ResourceType resourceType, Class<T> type, NameRule nameRule) {
    super(resourceType, type, nameRule, null);
  }
}
