package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an update keeps of the server-allocated Service fields (upstream's
 * {@code patchAllocatedValues}, {@code NormalizeClusterIPs} and {@code dropTypeDependentFields}):
 * a client that replaces a Service without its clusterIP or nodePorts keeps the allocated ones,
 * and a type change drops what the new type does not use.
 */
final class AllocatedServiceFields {

  private AllocatedServiceFields() {
  }

  static void carryForward(ServiceSpec spec, ServiceSpec old) {
    if (ServiceTypes.hasClusterIp(old) && ServiceTypes.hasClusterIp(spec)) {
      if (Nulls.isEmpty(spec.getClusterIP())) {
        spec.setClusterIP(old.getClusterIP());
      }
      if (Nulls.list(spec.getClusterIPs()).isEmpty() && !Nulls.list(old.getClusterIPs()).isEmpty()) {
        spec.setClusterIPs(Copies.deepCopy(old.getClusterIPs()));
      }
    }
    if (ServiceTypes.hasNodePorts(old) && ServiceTypes.hasNodePorts(spec)) {
      keepNodePorts(Nulls.list(spec.getPorts()), Nulls.list(old.getPorts()));
    }
    if (needsHealthCheck(old) && needsHealthCheck(spec) && Nulls.integer(spec.getHealthCheckNodePort()) == 0) {
      spec.setHealthCheckNodePort(old.getHealthCheckNodePort());
    }
    normalizeClusterIps(spec, old);
    dropTypeDependentFields(spec, old);
  }

  // node ports are matched by port name; one already used by another port is not reused
  private static void keepNodePorts(List<ServicePort> ports, List<ServicePort> oldPorts) {
    Set<Integer> used = new HashSet<>();
    Set<Integer> oldUsed = new HashSet<>();
    oldPorts.forEach(p -> oldUsed.add(Nulls.integer(p.getNodePort())));
    ports.forEach(p -> {
      if (oldUsed.contains(Nulls.integer(p.getNodePort()))) {
        used.add(Nulls.integer(p.getNodePort()));
      }
    });
    Map<String, Integer> byName = new HashMap<>();
    oldPorts.forEach(p -> byName.put(Nulls.string(p.getName()), Nulls.integer(p.getNodePort())));
    for (ServicePort port : ports) {
      if (Nulls.integer(port.getNodePort()) == 0) {
        Integer previous = byName.getOrDefault(Nulls.string(port.getName()), 0);
        if (!used.contains(previous) && previous != 0) {
          port.setNodePort(previous);
        }
      }
    }
  }

  /** Keeps the singular clusterIP and the plural clusterIPs in step, guessing what an older client meant. */
  private static void normalizeClusterIps(ServiceSpec spec, ServiceSpec old) {
    List<String> oldIps = Nulls.list(old.getClusterIPs());
    if (!oldIps.isEmpty() && Nulls.list(spec.getClusterIPs()).isEmpty()
        && Objects.equals(old.getClusterIP(), spec.getClusterIP())) {
      spec.setClusterIPs(Copies.deepCopy(oldIps));
    }
    if (!Objects.equals(Nulls.string(old.getClusterIP()), Nulls.string(spec.getClusterIP()))) {
      boolean sameIps = Nulls.list(spec.getClusterIPs()).equals(oldIps);
      if (!Nulls.isEmpty(old.getClusterIP()) && Nulls.isEmpty(spec.getClusterIP())) {
        if (sameIps) {
          spec.setClusterIPs(null);
        }
      } else if (sameIps) {
        spec.setClusterIPs(new java.util.ArrayList<>(List.of(spec.getClusterIP())));
      }
    }
  }

  /** Fields the new type does not use are dropped when the client left them as they were. */
  private static void dropTypeDependentFields(ServiceSpec spec, ServiceSpec old) {
    if (Objects.equals(spec.getType(), old.getType())) {
      return;
    }
    if (!ServiceTypes.hasClusterIp(spec)) {
      if (Objects.equals(spec.getClusterIP(), old.getClusterIP())) {
        spec.setClusterIP(null);
      }
      if (Objects.equals(spec.getClusterIPs(), old.getClusterIPs())) {
        spec.setClusterIPs(null);
      }
      if (Objects.equals(spec.getIpFamilies(), old.getIpFamilies())) {
        spec.setIpFamilies(null);
      }
      if (Objects.equals(spec.getIpFamilyPolicy(), old.getIpFamilyPolicy())) {
        spec.setIpFamilyPolicy(null);
      }
      spec.setInternalTrafficPolicy(null);
    }
    if (!ServiceTypes.hasNodePorts(spec)) {
      Map<String, Integer> oldNodePorts = new HashMap<>();
      Nulls.list(old.getPorts()).forEach(p -> oldNodePorts.put(Nulls.string(p.getName()), p.getNodePort()));
      for (ServicePort port : Nulls.list(spec.getPorts())) {
        if (Objects.equals(port.getNodePort(), oldNodePorts.get(Nulls.string(port.getName())))) {
          port.setNodePort(null);
        }
      }
    }
    if (!needsHealthCheck(spec) && Objects.equals(spec.getHealthCheckNodePort(), old.getHealthCheckNodePort())) {
      spec.setHealthCheckNodePort(null);
    }
    if (!"LoadBalancer".equals(spec.getType())) {
      if (Objects.equals(spec.getAllocateLoadBalancerNodePorts(), old.getAllocateLoadBalancerNodePorts())) {
        spec.setAllocateLoadBalancerNodePorts(null);
      }
      if (Objects.equals(spec.getLoadBalancerClass(), old.getLoadBalancerClass())) {
        spec.setLoadBalancerClass(null);
      }
    }
    if (!ServiceTypes.externallyAccessible(spec) && Objects.equals(spec.getExternalTrafficPolicy(),
        old.getExternalTrafficPolicy())) {
      spec.setExternalTrafficPolicy(null);
    }
  }

  private static boolean needsHealthCheck(ServiceSpec spec) {
    return "LoadBalancer".equals(spec.getType()) && "Local".equals(spec.getExternalTrafficPolicy());
  }
}
