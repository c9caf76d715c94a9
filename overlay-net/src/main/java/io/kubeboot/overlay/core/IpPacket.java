package io.kubeboot.overlay.core;

import java.nio.ByteBuffer;

/**
 * Reads the few IPv4 header fields the overlay needs straight from a packet buffer (RFC 791),
 * without copying it.
 */
final class IpPacket {

  static final int MIN_HEADER = 20;

  private IpPacket() {
  }

  /**
   * Whether {@code length} bytes at {@code offset} hold one well-formed IPv4 header whose total
   * length is exactly {@code length}.
   */
  static boolean isIpv4(ByteBuffer buffer, int offset, int length) {
    if (length < MIN_HEADER) {
      return false;
    }
    int first = buffer.get(offset) & 0xff;
    int headerLength = (first & 0x0f) * 4;
    return first >>> 4 == 4 && headerLength >= MIN_HEADER && headerLength <= length
        && (buffer.getShort(offset + 2) & 0xffff) == length;
  }

  static int source(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset + 12);
  }

  static int destination(ByteBuffer buffer, int offset) {
    return buffer.getInt(offset + 16);
  }
}
