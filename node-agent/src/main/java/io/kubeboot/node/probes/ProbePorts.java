package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;

/** A probe's port: a number, or the name of one of the container's ports (upstream's {@code findPortByName}). */
final class ProbePorts {

  private ProbePorts() {
  }

  /** The port number; throws {@link IllegalArgumentException} with upstream's wording for a name the container lacks. */
  static int resolve(IntOrString port, Container container) {
    if (port == null) {
      throw new IllegalArgumentException("no port in probe of container " + container.getName());
    }
    if (port.getIntVal() != null) {
      return valid(port.getIntVal());
    }
    String name = port.getStrVal();
    if (name != null && name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
      return valid(Integer.parseInt(name));
    }
    return container.getPorts().stream().filter(p -> name != null && name.equals(p.getName()))
        .map(ContainerPort::getContainerPort).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("couldn't find port: " + name + " in container "
            + container.getName()));
  }

  private static int valid(int port) {
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("invalid port number: " + port);
    }
    return port;
  }
}
