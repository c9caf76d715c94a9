package io.kubeboot.node.registration;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.status.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The Node object this agent registers and the status it reports, from its configuration and host. */
public final class NodeFactory {

  static final String KUBELET_VERSION = "v1.33.0-kubeboot";

  /** What the host is and offers. */
  public record Host(String cpu, String memory, String arch, String osImage, String kernel, String dockerVersion) {
  }

  private NodeFactory() {
  }

  public static Node node(NodeProperties properties, Host host) {
    return new NodeBuilder().withNewMetadata().withName(properties.name())
        .withLabels(Map.of("kubernetes.io/hostname", properties.name(), "kubernetes.io/os", "linux",
            "kubernetes.io/arch", host.arch()))
        .endMetadata()
        .withNewSpec().withPodCIDR(fixed(properties.podCidr()))
        .withPodCIDRs(fixed(properties.podCidr()) == null ? List.of() : List.of(properties.podCidr())).endSpec()
        .build();
  }

  /** Whether the node's {@code Ready} condition, as the API has it, is True. */
  public static boolean ready(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String fixed(String podCidr) {
    return podCidr == null || podCidr.isEmpty() ? null : podCidr;
  }

  /**
   * The full status. {@code readySince} keeps the Ready condition's lastTransitionTime while it
   * stays True; {@code now} is the heartbeat.
   */
  public static NodeStatus status(NodeProperties properties, Host host, int port, Instant readySince, Instant now) {
    Map<String, Quantity> capacity = Map.of("cpu", new Quantity(host.cpu()), "memory", new Quantity(host.memory()),
        "pods", new Quantity(Integer.toString(properties.maxPods())));
    return new NodeStatusBuilder()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .addNewAddress().withType("InternalIP").withAddress(properties.address()).endAddress()
        .addNewAddress().withType("Hostname").withAddress(properties.name()).endAddress()
        .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(port).endKubeletEndpoint().endDaemonEndpoints()
        .withNewNodeInfo()
        .withKubeletVersion(KUBELET_VERSION)
        .withKubeProxyVersion(KUBELET_VERSION)
        .withContainerRuntimeVersion("docker://" + host.dockerVersion())
        .withOsImage(host.osImage())
        .withOperatingSystem("linux")
        .withArchitecture(host.arch())
        .withKernelVersion(host.kernel())
        .withMachineID("").withSystemUUID("").withBootID("")
        .endNodeInfo()
        .withConditions(List.of(
            condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
                readySince, now),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", readySince,
                now),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                readySince, now),
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", readySince, now)))
        .build();
  }

  private static NodeCondition condition(String type, String status, String reason, String message, Instant since,
      Instant now) {
    NodeCondition condition = new NodeCondition();
    condition.setType(type);
    condition.setStatus(status);
    condition.setReason(reason);
    condition.setMessage(message);
    condition.setLastTransitionTime(Timestamps.format(since));
    condition.setLastHeartbeatTime(Timestamps.format(now));
    return condition;
  }
}
