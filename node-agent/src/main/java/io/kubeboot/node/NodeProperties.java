package io.kubeboot.node;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who this node agent is: its Node name and address, the Docker engine it drives, the image that
 * holds each pod's network namespace, the pod subnet used until the Node has a {@code spec.podCIDR},
 * where pod volumes live on the host, and what it offers (null: measured on the host).
 *
 * @param cpu capacity in cores ({@code "4"}); null for the host's processors
 * @param memory capacity as a quantity ({@code "8Gi"}); null for the host's physical memory
 */
@ConfigurationProperties("kubeboot.node")
public record NodeProperties(String name, String address, String dockerHost, String pauseImage,
    @DefaultValue("10.244.1.0/24") String podCidr, Path rootDir, String cpu, String memory,
    @DefaultValue("110") int maxPods) {

  public NodeProperties {
    if (rootDir == null) {
      rootDir = Path.of(System.getProperty("java.io.tmpdir"), "kubeboot-node", name == null ? "node" : name);
    }
  }

  /** The Docker bridge network of this node's pods. */
  public String networkName() {
    return "kubeboot-" + name;
  }
}
