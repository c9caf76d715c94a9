package io.kubeboot.overlay.netns;

/** The overlay with TCP segmentation offload: TCP segments of up to 64 KiB in one datagram. */
class OffloadOverlayNamespacesIT extends OverlayAcrossNamespaces {

  @Override
  boolean offload() {
    return true;
  }
}
