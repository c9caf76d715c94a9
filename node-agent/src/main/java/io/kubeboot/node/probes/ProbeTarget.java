package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;

/** What a probe is aimed at: the pod's IP (HTTP and TCP probes), the Docker container (exec) and its spec (named ports). */
record ProbeTarget(String podIp, String containerId, Container container) {
}
