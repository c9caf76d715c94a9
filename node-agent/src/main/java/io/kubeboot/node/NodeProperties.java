package io.kubeboot.node;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who this node agent is: its Node name and address, the Docker engine it drives, the image that
 * holds each pod's network namespace, its pod subnet, where pod volumes live on the host, and what
 * it offers (null: measured on the host).
 *
 * @param podCidr the node's pod subnet if it is fixed here (the Node registers with it); empty to
 *     wait for the control plane's node IPAM to assign one, as a kubelet does
 * @param cpu capacity in cores ({@code "4"}); null for the host's processors
 * @param memory capacity as a quantity ({@code "8Gi"}); null for the host's physical memory
 */
@ConfigurationProperties("kubeboot.node")
public record NodeProperties(String name, String address, String dockerHost, String pauseImage,
    @DefaultValue("") String podCidr, Path rootDir, String cpu, String memory,
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
