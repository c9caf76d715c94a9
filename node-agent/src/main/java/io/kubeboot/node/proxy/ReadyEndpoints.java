package io.kubeboot.node.proxy;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The endpoints one Service port may send traffic to, read from the Service's EndpointSlices as
 * upstream's proxies read them: the slice port of the same name and protocol gives the target port,
 * and every endpoint whose {@code conditions.ready} is not false gives an address (IPv4 slices only;
 * an unset condition counts as ready, as the API documents).
 */
final class ReadyEndpoints {

  private ReadyEndpoints() {
  }

  static List<ServiceEndpoint> of(String portName, String protocol, List<EndpointSlice> slices) {
    List<ServiceEndpoint> ready = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      if (slice.getAddressType() != null && !"IPv4".equals(slice.getAddressType())) {
        continue;
      }
      Integer port = targetPort(slice, portName, protocol);
      if (port == null || slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint endpoint : slice.getEndpoints()) {
        boolean notReady = endpoint.getConditions() != null && Boolean.FALSE.equals(endpoint.getConditions().getReady());
        if (!notReady && endpoint.getAddresses() != null && !endpoint.getAddresses().isEmpty()) {
          ready.add(new ServiceEndpoint(endpoint.getAddresses().get(0), port));
        }
      }
    }
    return ready.stream().distinct().sorted(Comparator.comparing(ServiceEndpoint::ip)
        .thenComparingInt(ServiceEndpoint::port)).toList();
  }

  private static Integer targetPort(EndpointSlice slice, String portName, String protocol) {
    if (slice.getPorts() == null) {
      return null;
    }
    for (EndpointPort port : slice.getPorts()) {
      String name = port.getName() == null ? "" : port.getName();
      String portProtocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
      if (name.equals(portName) && portProtocol.equals(protocol) && port.getPort() != null) {
        return port.getPort();
      }
    }
    return null;
  }
}
