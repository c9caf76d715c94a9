package io.kubeboot.overlay.netns;

/** The overlay as flannel's UDP backend: one datagram per IP packet. */
class OverlayNamespacesIT extends OverlayAcrossNamespaces {

  @Override
  boolean offload() {
    return false;
  }
}
