package io.kubeboot.resources.store;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a list: the objects, the resourceVersion the list is consistent with (a watch from
 * it misses nothing), and the token for the next page (null on the last).
 */
public record ListPage(List<ObjectNode> items, long resourceVersion, String continueToken) {
}
