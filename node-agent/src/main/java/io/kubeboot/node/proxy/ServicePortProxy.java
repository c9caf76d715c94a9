package io.kubeboot.node.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The proxy of one Service port: a listener on the node's address at the {@code nodePort} if the
 * port has one, a listener on a free port of the pods' gateway that the ClusterIP rule leads to if
 * the Service has a ClusterIP, and the balancer both listeners share. Endpoints and affinity are
 * updated in place; a change of {@link Portal} (the addresses the port is reached on) means a new
 * proxy for that one port.
 */
final class ServicePortProxy implements AutoCloseable {

  /** Where a Service port is reached: its ClusterIP and port (IP null if headless) and its nodePort (or null). */
  record Portal(String clusterIp, int port, Integer nodePort) {
  }

  /** What a port proxy listens with: the node's address for nodePorts, the pods' gateway for ClusterIPs (null: none). */
  record Binding(String nodeAddress, String clusterIpListenAddress) {
  }

  private final ServicePortName name;
  private final Portal portal;
  private final RoundRobinBalancer balancer;
  private final PortListener nodePortListener;
  private final PortListener clusterIpListener;
  private final String clusterIpListenAddress;

  private ServicePortProxy(ServicePortName name, Portal portal, RoundRobinBalancer balancer,
      PortListener nodePortListener, PortListener clusterIpListener, String clusterIpListenAddress) {
    this.name = name;
    this.portal = portal;
    this.balancer = balancer;
    this.nodePortListener = nodePortListener;
    this.clusterIpListener = clusterIpListener;
    this.clusterIpListenAddress = clusterIpListenAddress;
  }

  static ServicePortProxy open(ServicePortName name, Portal portal, Binding binding, RoundRobinBalancer balancer,
      ConnectionForwarder forwarder) throws IOException {
    PortListener nodePort = null;
    try {
      if (portal.nodePort() != null) {
        nodePort = PortListener.open(new InetSocketAddress(binding.nodeAddress(), portal.nodePort()),
            name + " nodePort", forwarder);
      }
      PortListener clusterIp = null;
      if (portal.clusterIp() != null && binding.clusterIpListenAddress() != null) {
        clusterIp = PortListener.open(new InetSocketAddress(binding.clusterIpListenAddress(), 0),
            name + " clusterIP " + portal.clusterIp() + ":" + portal.port(), forwarder);
      }
      return new ServicePortProxy(name, portal, balancer, nodePort, clusterIp, binding.clusterIpListenAddress());
    } catch (IOException e) {
      if (nodePort != null) {
        nodePort.close();
      }
      throw e;
    }
  }

  Portal portal() {
    return portal;
  }

  void update(List<ServiceEndpoint> ready, SessionAffinity affinity) {
    balancer.affinity(affinity);
    balancer.update(ready);
  }

  /** The nat rule that brings pods' traffic for the ClusterIP port here, if this port has a ClusterIP listener. */
  Optional<ClusterIpRedirect> redirect() {
    return clusterIpListener == null ? Optional.empty() : Optional.of(new ClusterIpRedirect(name, portal.clusterIp(),
        portal.port(), clusterIpListenAddress, clusterIpListener.port()));
  }

  @Override
  public void close() {
    if (nodePortListener != null) {
      nodePortListener.close();
    }
    if (clusterIpListener != null) {
      clusterIpListener.close();
    }
  }
}
