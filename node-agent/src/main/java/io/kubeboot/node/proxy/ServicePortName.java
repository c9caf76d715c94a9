package io.kubeboot.node.proxy;

import io.kubeboot.common.ObjectKey;

/** One port of one Service, as upstream's proxy names it: {@code namespace/name:port} ({@code port} may be empty). */
record ServicePortName(ObjectKey service, String port) {

  ServicePortName {
    port = port == null ? "" : port;
  }

  @Override
  public String toString() {
    return service + ":" + port;
  }
}
