package io.kubeboot.node.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kubeboot.node.proxy.ServicePortProxy.Portal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ports of a Service the proxy serves, by port name: every TCP port, at the Service's
 * ClusterIP (unless headless) and at its nodePort if it has one. ExternalName Services are DNS
 * only; UDP and SCTP ports are not proxied (this proxy is TCP only).
 */
final class ServicePortals {

  static final String TCP = "TCP";

  private ServicePortals() {
  }

  static Map<String, Portal> of(Service service) {
    Map<String, Portal> portals = new LinkedHashMap<>();
    if (service == null || service.getSpec() == null || "ExternalName".equals(service.getSpec().getType())) {
      return portals;
    }
    String clusterIp = service.getSpec().getClusterIP();
    if (clusterIp == null || clusterIp.isEmpty() || "None".equals(clusterIp)) {
      clusterIp = null;
    }
    List<ServicePort> ports = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    for (ServicePort port : ports) {
      boolean tcp = port.getProtocol() == null || TCP.equals(port.getProtocol());
      Integer nodePort = port.getNodePort() == null || port.getNodePort() == 0 ? null : port.getNodePort();
      if (tcp && port.getPort() != null && (clusterIp != null || nodePort != null)) {
        portals.put(port.getName() == null ? "" : port.getName(), new Portal(clusterIp, port.getPort(), nodePort));
      }
    }
    return portals;
  }
}
