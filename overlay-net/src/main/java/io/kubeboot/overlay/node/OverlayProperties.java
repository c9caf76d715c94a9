package io.kubeboot.overlay.node;

import io.kubeboot.overlay.core.OverlaySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The overlay daemon of one node: the Node it serves ({@code KUBEBOOT_NODE_NAME}), the underlay
 * address it publishes and binds ({@code KUBEBOOT_NODE_ADDRESS}, as the node agent's), its UDP port,
 * the TUN device's name, the cluster CIDR routed into it, the underlay MTU (0: that of the
 * interface holding the address), and whether to offload TCP segmentation. On by default: the TUN
 * device then hands over whole TCP segments of up to 64 KiB, one datagram each, which the underlay
 * carries as IP fragments, so a bulk transfer costs a fraction of the per-packet work and reaches
 * VXLAN's throughput on a 1 Gbit/s link (plain UDP, one datagram per MTU-sized packet as flannel's
 * UDP backend, reaches about half). Off where the underlay drops fragments. Every node must agree.
 */
@ConfigurationProperties("kubeboot.overlay")
public record OverlayProperties(String nodeName, String address,
    @DefaultValue("" + OverlaySettings.DEFAULT_PORT) int port, @DefaultValue("kubeboot0") String device,
    @DefaultValue("10.244.0.0/16") String clusterCidr, @DefaultValue("0") int underlayMtu,
    @DefaultValue("true") boolean offload) {
}
