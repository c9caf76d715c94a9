package io.kubeboot.node.pods;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubeboot.node.runtime.ContainerSpec;
import io.kubeboot.node.runtime.Labels;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's containers in Docker's terms: deterministic names (upstream's dockershim scheme
 * {@code k8s_<container>_<pod>_<namespace>_<uid>_<attempt>}), the labels the agent finds them
 * by, and resource limits as Docker's memory bytes and NanoCPUs.
 */
final class ContainerSpecs {

  private ContainerSpecs() {
  }

  static String name(Pod pod, String container, int attempt) {
    return "k8s_" + container + "_" + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "_"
        + pod.getMetadata().getUid() + "_" + attempt;
  }

  static Map<String, String> labels(Pod pod, String node, String container, int attempt) {
    return Map.of(Labels.NODE, node,
        Labels.POD_UID, pod.getMetadata().getUid(),
        Labels.POD_NAMESPACE, pod.getMetadata().getNamespace(),
        Labels.POD_NAME, pod.getMetadata().getName(),
        Labels.CONTAINER, container,
        Labels.ATTEMPT, Integer.toString(attempt));
  }

  static ContainerSpec sandbox(Pod pod, String node, String image, String network) {
    return new ContainerSpec(name(pod, Labels.SANDBOX, 0), image, null, null, List.of(), null, List.of(), null, null,
        null, network, labels(pod, node, Labels.SANDBOX, 0), hostname(pod));
  }

  /** As the kubelet: spec.hostname, else the pod's name, cut to a DNS label's 63 characters. */
  static String hostname(Pod pod) {
    String hostname = pod.getSpec().getHostname() == null || pod.getSpec().getHostname().isEmpty()
        ? pod.getMetadata().getName() : pod.getSpec().getHostname();
    return hostname.length() > 63 ? hostname.substring(0, 63).replaceAll("[-.]+$", "") : hostname;
  }

  static ContainerSpec app(Pod pod, Container container, int attempt, String node, String sandboxId,
      List<String> env, Path volumesDir) {
    Map<String, Quantity> limits = container.getResources() == null || container.getResources().getLimits() == null
        ? Map.of() : container.getResources().getLimits();
    List<String> args = container.getArgs().isEmpty() ? null : container.getArgs();
    List<String> command = container.getCommand().isEmpty() ? null : container.getCommand();
    return new ContainerSpec(name(pod, container.getName(), attempt), container.getImage(), command,
        args, env, container.getWorkingDir(), binds(container, volumesDir), memoryBytes(limits.get("memory")),
        nanoCpus(limits.get("cpu")), "container:" + sandboxId, null,
        labels(pod, node, container.getName(), attempt), null);
  }

  /** {@code 128Mi} is 134217728 bytes. */
  static Long memoryBytes(Quantity memory) {
    return memory == null ? null : Quantity.getAmountInBytes(memory).longValue();
  }

  /** {@code 500m} is half a CPU: 500000000 NanoCPUs. */
  static Long nanoCpus(Quantity cpu) {
    return cpu == null ? null
        : Quantity.getAmountInBytes(cpu).multiply(BigDecimal.valueOf(1_000_000_000L)).longValue();
  }

  /** emptyDir volumes are host directories under the pod's volume directory, shared by its containers. */
  private static List<String> binds(Container container, Path volumesDir) {
    List<String> binds = new ArrayList<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      String bind = volumesDir.resolve(mount.getName()) + ":" + mount.getMountPath();
      binds.add(Boolean.TRUE.equals(mount.getReadOnly()) ? bind + ":ro" : bind);
    }
    return binds;
  }
}
