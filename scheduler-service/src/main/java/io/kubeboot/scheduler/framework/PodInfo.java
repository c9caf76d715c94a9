package io.kubeboot.scheduler.framework;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kubeboot.common.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod with what the plugins keep asking about it worked out once: its requests, the host ports
 * it takes and the controller that owns it.
 *
 * @param requests what it takes from its node (always one pod)
 * @param scoringRequests the requests with upstream's defaults for containers that state none
 *     (100m cpu, 200Mi memory), so that scoring still spreads pods without requests
 * @param controllerUid the uid of its controlling owner, empty when it has none
 */
public record PodInfo(Pod pod, ObjectKey key, Resources requests, Resources scoringRequests,
    List<HostPort> hostPorts, String controllerUid) {

  static final long DEFAULT_MILLI_CPU = 100;
  static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

  public static PodInfo of(Pod pod) {
    return new PodInfo(pod, ObjectKey.of(pod), requests(pod, false), requests(pod, true), hostPorts(pod),
        controllerUid(pod));
  }

  /**
   * Like upstream: init containers run one at a time before the app containers, which run together,
   * so a pod needs the larger of its largest init container and the sum of its containers; plus its
   * declared overhead.
   */
  static Resources requests(Pod pod, boolean withDefaults) {
    Resources sum = Resources.NONE;
    for (Container container : pod.getSpec().getContainers()) {
      sum = sum.plus(containerRequests(container, withDefaults));
    }
    Resources largestInit = Resources.NONE;
    for (Container init : pod.getSpec().getInitContainers()) {
      largestInit = largestInit.max(containerRequests(init, withDefaults));
    }
    Resources overhead = Resources.of(pod.getSpec().getOverhead());
    Resources needed = sum.max(largestInit).plus(overhead);
    return new Resources(needed.milliCpu(), needed.memory(), 1);
  }

  private static Resources containerRequests(Container container, boolean withDefaults) {
    ResourceRequirements resources = container.getResources();
    // requests default to limits when only limits are given, as the API server's defaulting does
    Resources requests = resources == null ? Resources.NONE
        : resources.getRequests() != null && !resources.getRequests().isEmpty()
            ? Resources.of(resources.getRequests()) : Resources.of(resources.getLimits());
    if (!withDefaults) {
      return new Resources(requests.milliCpu(), requests.memory(), 0);
    }
    return new Resources(requests.milliCpu() == 0 ? DEFAULT_MILLI_CPU : requests.milliCpu(),
        requests.memory() == 0 ? DEFAULT_MEMORY : requests.memory(), 0);
  }

  private static List<HostPort> hostPorts(Pod pod) {
    List<HostPort> ports = new ArrayList<>();
    for (Container container : pod.getSpec().getContainers()) {
      for (ContainerPort port : container.getPorts()) {
        if (port.getHostPort() != null && port.getHostPort() > 0) {
          ports.add(new HostPort(port.getProtocol(), port.getHostIP(), port.getHostPort()));
        }
      }
    }
    return List.copyOf(ports);
  }

  private static String controllerUid(Pod pod) {
    for (OwnerReference owner : pod.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(owner.getController())) {
        return owner.getUid();
      }
    }
    return "";
  }
}
