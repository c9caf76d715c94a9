package io.kubeboot.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** Nodes and pods for plugin tests. */
final class TestObjects {

  private TestObjects() {
  }

  static NodeBuilder node(String name, String cpu, String memory, int pods) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().endSpec()
        .withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
            "pods", new Quantity(Integer.toString(pods))))
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus();
  }

  static Node readyNode(String name) {
    return node(name, "4", "8Gi", 110).build();
  }

  static PodBuilder pod(String name, String cpu, String memory) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").withNewResources()
        .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory)).endResources()
        .endContainer().endSpec();
  }

  static Pod pod(String name) {
    return pod(name, "100m", "128Mi").build();
  }
}
