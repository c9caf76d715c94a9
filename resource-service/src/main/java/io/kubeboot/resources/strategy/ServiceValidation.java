package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.kubeboot.common.api.FieldError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upstream's {@code ValidateService} and {@code ValidateServiceUpdate}, plus the nodePort range
 * check that upstream's allocator makes (with its message) so the storage layer need not.
 */
final class ServiceValidation {

  static final int NODE_PORT_MIN = 30000;
  static final int NODE_PORT_MAX = 32767;

  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath PORTS = SPEC.child("ports");
  private static final FieldPath CLUSTER_IPS = SPEC.child("clusterIPs");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
  private static final List<String> FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private ServiceValidation() {
  }

  static List<FieldError> validate(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    String type = Nulls.string(spec.getType());
    List<ServicePort> ports = Nulls.list(spec.getPorts());
    boolean headless = ServiceTypes.headless(spec);
    if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
      errors.add(FieldErrors.required(PORTS));
    }
    errors.addAll(typeSpecific(spec, type, headless));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      errors.addAll(port(ports.get(i), ports.size() > 1, names, PORTS.index(i)));
    }
    errors.addAll(ObjectMetaValidation.labels(spec.getSelector(), SPEC.child("selector")));
    errors.addAll(sessionAffinity(spec));
    errors.addAll(clusterIps(spec));
    if (type.isEmpty()) {
      errors.add(FieldErrors.required(SPEC.child("type")));
    } else if (!TYPES.contains(type)) {
      errors.add(FieldErrors.notSupported(SPEC.child("type"), type, TYPES));
    }
    errors.addAll(nodePorts(ports, type));
    errors.addAll(duplicatePorts(ports));
    errors.addAll(trafficPolicies(spec, type));
    return errors;
  }

  /** Cluster IPs and the primary IP family may not change once set, except to or from ExternalName. */
  static List<FieldError> validateUpdate(ServiceSpec spec, ServiceSpec old) {
    List<FieldError> errors = new ArrayList<>();
    if ("ExternalName".equals(spec.getType()) || "ExternalName".equals(old.getType())
        || ServiceTypes.headless(spec) && ServiceTypes.headless(old)) {
      return errors;
    }
    List<String> ips = Nulls.list(spec.getClusterIPs());
    List<String> oldIps = Nulls.list(old.getClusterIPs());
    Object shown = GoValue.of(ips.isEmpty() ? null : ips);
    if (ips.size() == oldIps.size()) {
      for (int i = 0; i < oldIps.size(); i++) {
        if (!oldIps.get(i).equals(ips.get(i))) {
          errors.add(FieldErrors.invalid(CLUSTER_IPS.index(i), shown, "may not change once set"));
        }
      }
    } else if (ips.size() < oldIps.size()) {
      if (ips.isEmpty()) {
        errors.add(FieldErrors.invalid(CLUSTER_IPS.index(0), shown, "primary clusterIP can not be unset"));
      } else if (!ips.get(0).equals(oldIps.get(0))) {
        errors.add(FieldErrors.invalid(CLUSTER_IPS.index(0), shown, "may not change once set"));
      }
      if (ips.size() == 1 && !"SingleStack".equals(spec.getIpFamilyPolicy())) {
        errors.add(FieldErrors.invalid(CLUSTER_IPS.index(0), shown,
            "`ipFamilyPolicy` must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (!oldIps.isEmpty() && !ips.get(0).equals(oldIps.get(0))) {
      errors.add(FieldErrors.invalid(CLUSTER_IPS.index(0), shown, "may not change once set"));
    }
    List<String> families = Nulls.list(spec.getIpFamilies());
    List<String> oldFamilies = Nulls.list(old.getIpFamilies());
    if (!families.isEmpty() && !oldFamilies.isEmpty() && !families.get(0).equals(oldFamilies.get(0))) {
      errors.add(FieldErrors.invalid(SPEC.child("ipFamilies").index(0), GoValue.of(families), "may not change once set"));
    }
    return errors;
  }

  private static List<FieldError> typeSpecific(ServiceSpec spec, String type, boolean headless) {
    List<FieldError> errors = new ArrayList<>();
    switch (type) {
      case "LoadBalancer", "NodePort" -> {
        if (headless) {
          errors.add(FieldErrors.invalid(CLUSTER_IPS.index(0), ServiceTypes.NONE,
              "may not be set to 'None' for " + type + " services"));
        }
        if (type.equals("LoadBalancer")) {
          List<ServicePort> ports = Nulls.list(spec.getPorts());
          for (int i = 0; i < ports.size(); i++) {
            if (Nulls.integer(ports.get(i).getPort()) == 10250) {
              errors.add(FieldErrors.invalid(PORTS.index(i), 10250,
                  "may not expose port 10250 externally since it is used by kubelet"));
            }
          }
        }
      }
      case "ExternalName" -> {
        if (!Nulls.list(spec.getClusterIPs()).isEmpty()) {
          errors.add(FieldErrors.forbidden(CLUSTER_IPS, "may not be set for ExternalName services"));
        }
        if (!Nulls.list(spec.getIpFamilies()).isEmpty()) {
          errors.add(FieldErrors.forbidden(SPEC.child("ipFamilies"), "may not be set for ExternalName services"));
        }
        if (spec.getIpFamilyPolicy() != null) {
          errors.add(FieldErrors.forbidden(SPEC.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
        }
        // a trailing dot marks the name fully qualified
        String cname = Nulls.string(spec.getExternalName());
        cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
        if (cname.isEmpty()) {
          errors.add(FieldErrors.required(SPEC.child("externalName")));
        } else {
          errors.addAll(FieldErrors.invalidEach(SPEC.child("externalName"), cname, StringFormats.dns1123Subdomain(cname)));
        }
      }
      default -> {
      }
    }
    return errors;
  }

  private static List<FieldError> port(ServicePort port, boolean nameRequired, Set<String> names, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    String name = Nulls.string(port.getName());
    if (nameRequired && name.isEmpty()) {
      errors.add(FieldErrors.required(path.child("name")));
    } else if (!name.isEmpty()) {
      errors.addAll(FieldErrors.invalidEach(path.child("name"), name, StringFormats.dns1123Label(name)));
      if (!names.add(name)) {
        errors.add(FieldErrors.duplicate(path.child("name"), name));
      }
    }
    int number = Nulls.integer(port.getPort());
    errors.addAll(FieldErrors.invalidEach(path.child("port"), number, StringFormats.portNumber(number)));
    errors.addAll(ContainerValidation.oneOf(port.getProtocol(), PROTOCOLS, path.child("protocol")));
    errors.addAll(ContainerValidation.portNumberOrName(port.getTargetPort(), path.child("targetPort")));
    if (port.getAppProtocol() != null) {
      errors.addAll(FieldErrors.invalidEach(path.child("appProtocol"), port.getAppProtocol(),
          StringFormats.qualifiedName(port.getAppProtocol())));
    }
    return errors;
  }

  private static List<FieldError> sessionAffinity(ServiceSpec spec) {
    String affinity = Nulls.string(spec.getSessionAffinity());
    FieldPath path = SPEC.child("sessionAffinity");
    if (affinity.isEmpty()) {
      return List.of(FieldErrors.required(path));
    }
    if (!affinity.equals("ClientIP") && !affinity.equals("None")) {
      return List.of(FieldErrors.notSupported(path, affinity, List.of("ClientIP", "None")));
    }
    if (affinity.equals("None") && spec.getSessionAffinityConfig() != null) {
      return List.of(FieldErrors.forbidden(SPEC.child("sessionAffinityConfig"),
          "must not be set when session affinity is None"));
    }
    if (affinity.equals("ClientIP")) {
      Integer timeout = spec.getSessionAffinityConfig() == null || spec.getSessionAffinityConfig().getClientIP() == null
          ? null : spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds();
      FieldPath timeoutPath = SPEC.child("sessionAffinityConfig", "clientIP", "timeoutSeconds");
      if (timeout == null) {
        return List.of(FieldErrors.required(timeoutPath, "when session affinity type is ClientIP"));
      }
      if (timeout <= 0 || timeout > 86400) {
        return List.of(FieldErrors.invalid(timeoutPath, timeout, "must be greater than 0 and less than 86400"));
      }
    }
    return List.of();
  }

  private static List<FieldError> clusterIps(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (!ServiceTypes.hasClusterIp(spec)) {
      return errors;
    }
    List<String> ips = Nulls.list(spec.getClusterIPs());
    Object shown = GoValue.of(ips.isEmpty() ? null : ips);
    if (!Nulls.isEmpty(spec.getClusterIP())) {
      if (ips.isEmpty()) {
        errors.add(FieldErrors.required(CLUSTER_IPS));
      } else if (!ips.get(0).equals(spec.getClusterIP())) {
        errors.add(FieldErrors.invalid(CLUSTER_IPS, shown, "first value must match `clusterIP`"));
      }
    } else if (!ips.isEmpty()) {
      errors.add(FieldErrors.invalid(CLUSTER_IPS, shown, "must be empty when `clusterIP` is not specified"));
    }
    List<String> families = Nulls.list(spec.getIpFamilies());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < families.size(); i++) {
      String family = families.get(i);
      if (!family.equals("IPv4") && !family.equals("IPv6")) {
        errors.add(FieldErrors.notSupported(SPEC.child("ipFamilies").index(i), family, List.of("IPv4", "IPv6")));
      }
      if (!seen.add(family)) {
        errors.add(FieldErrors.duplicate(SPEC.child("ipFamilies").index(i), family));
      }
    }
    String policy = spec.getIpFamilyPolicy();
    if (policy != null && !FAMILY_POLICIES.contains(policy)) {
      errors.add(FieldErrors.notSupported(SPEC.child("ipFamilyPolicy"), policy, FAMILY_POLICIES));
    }
    for (int i = 0; i < ips.size(); i++) {
      String ip = ips.get(i);
      if (i == 0 && ServiceTypes.NONE.equals(ip)) {
        if (ips.size() > 1) {
          errors.add(FieldErrors.invalid(CLUSTER_IPS, shown, "'None' must be the first and only value"));
        }
      } else if (!isIp(ip)) {
        errors.add(FieldErrors.invalid(CLUSTER_IPS.index(i), ip,
            "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
      }
    }
    return errors;
  }

  private static List<FieldError> nodePorts(List<ServicePort> ports, String type) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      int nodePort = Nulls.integer(ports.get(i).getNodePort());
      if (nodePort == 0) {
        continue;
      }
      FieldPath path = PORTS.index(i).child("nodePort");
      if (type.equals("ClusterIP")) {
        errors.add(FieldErrors.forbidden(path, "may not be used when `type` is 'ClusterIP'"));
      } else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
        errors.add(FieldErrors.invalid(path, nodePort, "provided port is not in the valid range. The range of valid"
            + " ports is " + NODE_PORT_MIN + "-" + NODE_PORT_MAX));
      }
      if (!seen.add(ports.get(i).getProtocol() + "/" + nodePort)) {
        errors.add(FieldErrors.duplicate(path, nodePort));
      }
    }
    return errors;
  }

  private static List<FieldError> duplicatePorts(List<ServicePort> ports) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      String protocol = Nulls.string(ports.get(i).getProtocol());
      int number = Nulls.integer(ports.get(i).getPort());
      if (!seen.add(protocol + "/" + number)) {
        // upstream shows the (protocol, port) key as a Go struct
        errors.add(FieldErrors.duplicate(PORTS.index(i), goPortKey(protocol, number)));
      }
    }
    return errors;
  }

  private static Object goPortKey(String protocol, int port) {
    return new Object() {
      @Override
      public String toString() {
        return "core.ServicePort{Name:\"\", Protocol:" + GoValue.quote(protocol) + ", AppProtocol:(*string)(nil), Port:"
            + port + ", TargetPort:" + GoValue.of(new IntOrString(0)) + ", NodePort:0}";
      }
    };
  }

  private static List<FieldError> trafficPolicies(ServiceSpec spec, String type) {
    List<FieldError> errors = new ArrayList<>();
    String external = Nulls.string(spec.getExternalTrafficPolicy());
    FieldPath externalPath = SPEC.child("externalTrafficPolicy");
    if (!ServiceTypes.externallyAccessible(spec)) {
      if (!external.isEmpty()) {
        errors.add(FieldErrors.invalid(externalPath, external, "may only be set for externally-accessible services"));
      }
    } else if (external.isEmpty()) {
      errors.add(FieldErrors.required(externalPath));
    } else if (!TRAFFIC_POLICIES.contains(external)) {
      errors.add(FieldErrors.notSupported(externalPath, external, TRAFFIC_POLICIES));
    }
    boolean needsHealthCheck = type.equals("LoadBalancer") && external.equals("Local");
    if (!needsHealthCheck && Nulls.integer(spec.getHealthCheckNodePort()) != 0) {
      errors.add(FieldErrors.invalid(SPEC.child("healthCheckNodePort"), spec.getHealthCheckNodePort(),
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
    String internal = spec.getInternalTrafficPolicy();
    FieldPath internalPath = SPEC.child("internalTrafficPolicy");
    if (internal == null) {
      if (List.of("NodePort", "LoadBalancer", "ClusterIP").contains(type)) {
        errors.add(FieldErrors.required(internalPath));
      }
    } else if (!TRAFFIC_POLICIES.contains(internal)) {
      errors.add(FieldErrors.notSupported(internalPath, internal, TRAFFIC_POLICIES));
    }
    return errors;
  }

  private static boolean isIp(String value) {
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    if (!value.contains(":") || value.contains("[")) {
      return false;
    }
    try {
      // in brackets the text must be an IPv6 literal: it is parsed, never looked up
      return InetAddress.getByName("[" + value + "]") != null;
    } catch (UnknownHostException | SecurityException notAnAddress) {
      return false;
    }
  }
}
