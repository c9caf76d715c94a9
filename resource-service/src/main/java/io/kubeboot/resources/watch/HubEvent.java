package io.kubeboot.resources.watch;

import tools.jackson.databind.node.ObjectNode;

/**
 * A change as the hub holds it for every watcher: parsed once, and with its watch-event line
 * ({@code {"type":...,"object":...}}) rendered once, so fan-out to many watchers costs no
 * serialization. The object must not be modified.
 */
record HubEvent(long revision, String group, String resource, String namespace, String type, ObjectNode object,
    byte[] line) {
}
