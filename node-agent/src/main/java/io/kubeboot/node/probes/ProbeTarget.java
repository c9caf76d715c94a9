package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;

/** What a probe is aimed at: the pod's IP (HTTP and TCP probes), the Docker container (exec) and its spec (named ports). */
record ProbeTarget(String podIp, String containerId, Container container) {

  /** Where a network probe connects. */
  record Address(String host, int port) {
  }

  /**
   * The probe's {@code host} (else the pod IP) and its port, by number or by the name of a
   * container port; {@link IllegalArgumentException} when either is missing.
   */
  Address address(String host, IntOrString port) {
    String resolved = host == null || host.isEmpty() ? podIp : host;
    if (resolved == null) {
      throw new IllegalArgumentException("the pod has no IP yet");
    }
    return new Address(resolved, ProbePorts.resolve(port, container));
  }
}
