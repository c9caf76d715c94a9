package io.kubeboot.reconciler.endpoints;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kubeboot.reconciler.runtime.Pods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pods behind a Service, as both Endpoints and EndpointSlices describe them: each pod with an
 * IP, whether it is ready, and the Service's ports resolved against it (a numeric targetPort as is,
 * a named one through the pod's container port of that name; a port the pod lacks is left out).
 */
record ServiceBackends(List<Backend> backends) {

  record ResolvedPort(String name, int port, String protocol) {
  }

  record Backend(Pod pod, String ip, boolean ready, List<ResolvedPort> ports) {
  }

  static ServiceBackends of(Service service, List<Pod> pods) {
    List<Backend> backends = new ArrayList<>();
    for (Pod pod : pods) {
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (ip == null || ip.isEmpty() || pod.getMetadata().getDeletionTimestamp() != null || !Pods.active(pod)) {
        continue;
      }
      List<ResolvedPort> ports = new ArrayList<>();
      for (ServicePort port : service.getSpec().getPorts() == null ? List.<ServicePort>of() : service.getSpec().getPorts()) {
        resolve(port, pod).ifPresent(number -> ports.add(new ResolvedPort(port.getName(), number,
            port.getProtocol() == null ? "TCP" : port.getProtocol())));
      }
      backends.add(new Backend(pod, ip, Pods.ready(pod), ports));
    }
    backends.sort(java.util.Comparator.comparing(Backend::ip));
    return new ServiceBackends(backends);
  }

  static Optional<Integer> resolve(ServicePort port, Pod pod) {
    IntOrString target = port.getTargetPort();
    if (target == null || (target.getStrVal() == null && target.getIntVal() == null)) {
      return Optional.of(port.getPort());
    }
    if (target.getStrVal() == null) {
      return Optional.of(target.getIntVal());
    }
    List<Container> containers = pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of()
        : pod.getSpec().getContainers();
    return containers.stream()
        .flatMap(container -> container.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty()
            : container.getPorts().stream())
        .filter(containerPort -> target.getStrVal().equals(containerPort.getName()))
        .map(ContainerPort::getContainerPort).findFirst();
  }
}
