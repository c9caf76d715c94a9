package io.kubeboot.resources.store;

import io.kubeboot.common.resource.ResourceType;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a list asks for: a resource, optionally one namespace, label equalities the database can
 * filter with its index, a predicate for the rest of the selectors, and a page.
 *
 * @param namespace null for all namespaces (or a cluster-scoped resource)
 * @param labelsEqual label requirements of the form key=value, pushed down to SQL
 * @param filter the full selector, applied to every candidate
 * @param limit page size, 0 for everything
 * @param continueToken null for the first page
 */
public record ListQuery(ResourceType type, String namespace, Map<String, String> labelsEqual,
    Predicate<ObjectNode> filter, int limit, String continueToken) {
}
