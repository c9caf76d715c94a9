package io.kubeboot.node.proxy;

import java.net.InetSocketAddress;

/** Where a Service port's traffic may go: one ready pod's IP and target port. */
record ServiceEndpoint(String ip, int port) {

  InetSocketAddress address() {
    return new InetSocketAddress(ip, port);
  }

  @Override
  public String toString() {
    return ip + ":" + port;
  }
}
