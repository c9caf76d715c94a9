package io.kubeboot.resources.api;

/**
 * A delete's options, from the DeleteOptions body or the query string.
 *
 * @param gracePeriodSeconds null for the object's own default
 * @param propagationPolicy Orphan, Background or Foreground; null for Background
 * @param uid precondition, or null
 * @param resourceVersion precondition, or null
 */
public record DeleteRequest(Long gracePeriodSeconds, String propagationPolicy, String uid, String resourceVersion,
    boolean dryRun) {
}
