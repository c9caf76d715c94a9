package io.kubeboot.overlay.core;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where the overlay reads the node's outgoing IP packets and writes the incoming ones: the TUN device. */
public interface PacketDevice extends AutoCloseable {

  /**
   * Reads one packet into the direct {@code buffer} at {@code offset}, at most {@code max} bytes,
   * waiting for one; returns its length, or -1 once the device is closed.
   */
  int read(ByteBuffer buffer, int offset, int max) throws IOException;

  /** Writes the packet of {@code length} bytes at {@code offset} of the direct {@code buffer}. */
  void write(ByteBuffer buffer, int offset, int length) throws IOException;

  /**
   * Bytes in front of each packet read or written: 0, or a virtio-net header when the kernel hands
   * over whole TCP segments to be cut (segmentation offload). The overlay carries them as they are.
   */
  default int prefixLength() {
    return 0;
  }

  @Override
  void close();
}
