package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.List;

/** What a Service's type implies: a cluster IP, node ports, external reachability. */
final class ServiceTypes {

  static final String NONE = "None";

  private ServiceTypes() {
  }

  /** Every type but ExternalName gets a cluster IP (or is headless). */
  static boolean hasClusterIp(ServiceSpec spec) {
    return !"ExternalName".equals(spec.getType());
  }

  static boolean hasNodePorts(ServiceSpec spec) {
    return "NodePort".equals(spec.getType())
        || "LoadBalancer".equals(spec.getType()) && !Boolean.FALSE.equals(spec.getAllocateLoadBalancerNodePorts());
  }

  static boolean externallyAccessible(ServiceSpec spec) {
    return "LoadBalancer".equals(spec.getType()) || "NodePort".equals(spec.getType())
        || "ClusterIP".equals(spec.getType()) && !Nulls.list(spec.getExternalIPs()).isEmpty();
  }

  static boolean headless(ServiceSpec spec) {
    List<String> ips = Nulls.list(spec.getClusterIPs());
    if (ips.isEmpty()) {
      return NONE.equals(spec.getClusterIP()) && "ClusterIP".equals(spec.getType());
    }
    return "ClusterIP".equals(spec.getType()) && ips.size() == 1 && NONE.equals(ips.get(0));
  }
}
