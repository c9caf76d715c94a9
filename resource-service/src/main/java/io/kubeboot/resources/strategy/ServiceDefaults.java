package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code SetDefaults_Service} plus the IP family defaults its allocator sets in a
 * single-stack IPv4 cluster (allocating the clusterIP and nodePorts themselves is the storage
 * layer's job).
 */
final class ServiceDefaults {

  static final int DEFAULT_CLIENT_IP_TIMEOUT_SECONDS = 10800;

  private ServiceDefaults() {
  }

  static void apply(Service service) {
    if (service.getSpec() == null) {
      service.setSpec(new ServiceSpec());
    }
    ServiceSpec spec = service.getSpec();
    if (Nulls.isEmpty(spec.getSessionAffinity())) {
      spec.setSessionAffinity("None");
    }
    if ("None".equals(spec.getSessionAffinity())) {
      spec.setSessionAffinityConfig(null);
    }
    if ("ClientIP".equals(spec.getSessionAffinity()) && (spec.getSessionAffinityConfig() == null
        || spec.getSessionAffinityConfig().getClientIP() == null
        || spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds() == null)) {
      spec.setSessionAffinityConfig(new SessionAffinityConfig(new ClientIPConfig(DEFAULT_CLIENT_IP_TIMEOUT_SECONDS)));
    }
    if (Nulls.isEmpty(spec.getType())) {
      spec.setType("ClusterIP");
    }
    for (ServicePort port : Nulls.list(spec.getPorts())) {
      if (Nulls.isEmpty(port.getProtocol())) {
        port.setProtocol("TCP");
      }
      IntOrString target = port.getTargetPort();
      if (target == null || target.getValue() == null || Integer.valueOf(0).equals(target.getIntVal())
          || "".equals(target.getStrVal())) {
        port.setTargetPort(new IntOrString(Nulls.integer(port.getPort())));
      }
    }
    if (ServiceTypes.externallyAccessible(spec) && Nulls.isEmpty(spec.getExternalTrafficPolicy())) {
      spec.setExternalTrafficPolicy("Cluster");
    }
    if (spec.getInternalTrafficPolicy() == null && ServiceTypes.hasClusterIp(spec)) {
      spec.setInternalTrafficPolicy("Cluster");
    }
    if ("LoadBalancer".equals(spec.getType()) && spec.getAllocateLoadBalancerNodePorts() == null) {
      spec.setAllocateLoadBalancerNodePorts(true);
    }
    ipFamilies(spec);
  }

  /** A create that names only the (old) singular clusterIP gets the plural list too. */
  static void syncClusterIps(ServiceSpec spec) {
    if (!Nulls.isEmpty(spec.getClusterIP()) && Nulls.list(spec.getClusterIPs()).isEmpty()) {
      spec.setClusterIPs(new ArrayList<>(List.of(spec.getClusterIP())));
    }
  }

  // headless services without a selector get every family the cluster has, which is IPv4 only here
  private static void ipFamilies(ServiceSpec spec) {
    if (!ServiceTypes.hasClusterIp(spec)) {
      return;
    }
    if (spec.getIpFamilyPolicy() == null) {
      boolean headlessWithoutSelector = ServiceTypes.headless(spec) && Nulls.map(spec.getSelector()).isEmpty();
      spec.setIpFamilyPolicy(headlessWithoutSelector ? "RequireDualStack" : "SingleStack");
    }
    if (Nulls.list(spec.getIpFamilies()).isEmpty()) {
      spec.setIpFamilies(new ArrayList<>(List.of("IPv4")));
    }
  }
}
