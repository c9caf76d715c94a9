package io.kubeboot.resources.store;

import io.kubeboot.common.resource.ResourceType;

/**
 * What a list asks for: a resource, optionally one namespace, the selectors (their label
 * equalities go to the database's index, all of them run on every candidate), and a page.
 *
 * @param namespace null for all namespaces (or a cluster-scoped resource)
 * @param limit page size, 0 for everything
 * @param continueToken null for the first page
 */
public record ListQuery(ResourceType type, String namespace, Selection selection, int limit, String continueToken) {
}
