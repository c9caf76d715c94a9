package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's per-container rules ({@code validateContainerCommon}, ports, env, mounts, probes):
 * what any container, regular or init, must satisfy within its pod spec.
 */
final class ContainerValidation {

  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");

  private ContainerValidation() {
  }

  /** The checks shared by regular and init containers; {@code volumes} are the pod's valid volume names. */
  static List<FieldError> common(Container container, FieldPath path, Set<String> volumes) {
    List<FieldError> errors = new ArrayList<>();
    String name = Nulls.string(container.getName());
    if (name.isEmpty()) {
      errors.add(FieldErrors.required(path.child("name")));
    } else {
      errors.addAll(FieldErrors.invalidEach(path.child("name"), name, StringFormats.dns1123Label(name)));
    }
    if (Nulls.isEmpty(container.getImage())) {
      errors.add(FieldErrors.required(path.child("image")));
    }
    errors.addAll(oneOf(container.getTerminationMessagePolicy(), MESSAGE_POLICIES,
        path.child("terminationMessagePolicy")));
    errors.addAll(ports(Nulls.list(container.getPorts()), path.child("ports")));
    errors.addAll(env(Nulls.list(container.getEnv()), path.child("env")));
    errors.addAll(volumeMounts(Nulls.list(container.getVolumeMounts()), volumes, path.child("volumeMounts")));
    errors.addAll(oneOf(container.getImagePullPolicy(), PULL_POLICIES, path.child("imagePullPolicy")));
    errors.addAll(ResourceQuantities.validate(container.getResources(), path.child("resources")));
    return errors;
  }

  /** Probes of a container that may have them (regular containers, sidecars). */
  static List<FieldError> probes(Container container, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(probe(container.getLivenessProbe(), path.child("livenessProbe"), true));
    errors.addAll(probe(container.getReadinessProbe(), path.child("readinessProbe"), false));
    errors.addAll(probe(container.getStartupProbe(), path.child("startupProbe"), true));
    return errors;
  }

  /** A required enumerated string: Required when empty, NotSupported when unknown. */
  static List<FieldError> oneOf(String value, List<String> allowed, FieldPath path) {
    if (Nulls.isEmpty(value)) {
      return List.of(FieldErrors.required(path));
    }
    return allowed.contains(value) ? List.of() : List.of(FieldErrors.notSupported(path, value, allowed));
  }

  /** {@code ValidatePortNumOrName}: a port number, or the name of a container port. */
  static List<FieldError> portNumberOrName(IntOrString port, FieldPath path) {
    if (port == null || port.getValue() == null) {
      return FieldErrors.invalidEach(path, 0, StringFormats.portNumber(0));
    }
    if (port.getStrVal() != null) {
      return FieldErrors.invalidEach(path, port.getStrVal(), StringFormats.portName(port.getStrVal()));
    }
    return FieldErrors.invalidEach(path, port.getIntVal(), StringFormats.portNumber(port.getIntVal()));
  }

  private static List<FieldError> ports(List<ContainerPort> ports, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      FieldPath at = path.index(i);
      String name = Nulls.string(port.getName());
      if (!name.isEmpty()) {
        List<String> nameErrors = StringFormats.portName(name);
        if (!nameErrors.isEmpty()) {
          errors.addAll(FieldErrors.invalidEach(at.child("name"), name, nameErrors));
        } else if (!names.add(name)) {
          errors.add(FieldErrors.duplicate(at.child("name"), name));
        }
      }
      int containerPort = Nulls.integer(port.getContainerPort());
      if (containerPort == 0) {
        errors.add(FieldErrors.required(at.child("containerPort")));
      } else {
        errors.addAll(FieldErrors.invalidEach(at.child("containerPort"), containerPort,
            StringFormats.portNumber(containerPort)));
      }
      int hostPort = Nulls.integer(port.getHostPort());
      if (hostPort != 0) {
        errors.addAll(FieldErrors.invalidEach(at.child("hostPort"), hostPort, StringFormats.portNumber(hostPort)));
      }
      errors.addAll(oneOf(port.getProtocol(), PROTOCOLS, at.child("protocol")));
    }
    return errors;
  }

  private static List<FieldError> env(List<EnvVar> env, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      String name = Nulls.string(env.get(i).getName());
      FieldPath at = path.index(i).child("name");
      if (name.isEmpty()) {
        errors.add(FieldErrors.required(at));
      } else if (!name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '=')) {
        errors.add(FieldErrors.invalid(at, name,
            "a valid environment variable name must consist only of printable ASCII characters other than '='"));
      }
    }
    return errors;
  }

  private static List<FieldError> volumeMounts(List<VolumeMount> mounts, Set<String> volumes, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> mountPaths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount mount = mounts.get(i);
      FieldPath at = path.index(i);
      String name = Nulls.string(mount.getName());
      if (name.isEmpty()) {
        errors.add(FieldErrors.required(at.child("name")));
      }
      if (!volumes.contains(name)) {
        errors.add(FieldErrors.notFound(at.child("name"), name));
      }
      String mountPath = Nulls.string(mount.getMountPath());
      if (mountPath.isEmpty()) {
        errors.add(FieldErrors.required(at.child("mountPath")));
      }
      if (!mountPaths.add(mountPath)) {
        errors.add(FieldErrors.invalid(at.child("mountPath"), mountPath, "must be unique"));
      }
    }
    return errors;
  }

  private static List<FieldError> probe(Probe probe, FieldPath path, boolean successMustBeOne) {
    List<FieldError> errors = new ArrayList<>();
    if (probe == null) {
      return errors;
    }
    Map<String, Object> handlers = new LinkedHashMap<>();
    handlers.put("exec", probe.getExec());
    handlers.put("httpGet", probe.getHttpGet());
    handlers.put("tcpSocket", probe.getTcpSocket());
    handlers.put("grpc", probe.getGrpc());
    handlers.values().removeIf(java.util.Objects::isNull);
    if (handlers.isEmpty()) {
      errors.add(FieldErrors.required(path, "must specify a handler type"));
    } else if (handlers.size() > 1) {
      String second = handlers.keySet().stream().skip(1).findFirst().orElseThrow();
      errors.add(FieldErrors.forbidden(path.child(second), "may not specify more than 1 handler type"));
    }
    if (probe.getHttpGet() != null) {
      errors.addAll(httpGet(probe.getHttpGet(), path.child("httpGet")));
    }
    if (probe.getTcpSocket() != null) {
      errors.addAll(portNumberOrName(probe.getTcpSocket().getPort(), path.child("tcpSocket", "port")));
    }
    errors.addAll(FieldErrors.nonNegative(probe.getInitialDelaySeconds(), path.child("initialDelaySeconds")));
    errors.addAll(FieldErrors.nonNegative(probe.getTimeoutSeconds(), path.child("timeoutSeconds")));
    errors.addAll(FieldErrors.nonNegative(probe.getPeriodSeconds(), path.child("periodSeconds")));
    errors.addAll(FieldErrors.nonNegative(probe.getSuccessThreshold(), path.child("successThreshold")));
    errors.addAll(FieldErrors.nonNegative(probe.getFailureThreshold(), path.child("failureThreshold")));
    if (successMustBeOne && probe.getSuccessThreshold() != null && probe.getSuccessThreshold() != 1) {
      errors.add(FieldErrors.invalid(path.child("successThreshold"), probe.getSuccessThreshold(), "must be 1"));
    }
    return errors;
  }

  private static List<FieldError> httpGet(HTTPGetAction action, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    if (Nulls.isEmpty(action.getPath())) {
      errors.add(FieldErrors.required(path.child("path")));
    }
    errors.addAll(portNumberOrName(action.getPort(), path.child("port")));
    String scheme = Nulls.string(action.getScheme());
    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
      errors.add(FieldErrors.notSupported(path.child("scheme"), scheme, List.of("HTTP", "HTTPS")));
    }
    return errors;
  }
}
