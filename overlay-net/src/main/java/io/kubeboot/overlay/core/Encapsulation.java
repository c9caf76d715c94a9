package io.kubeboot.overlay.core;

import java.nio.ByteBuffer;

/**
 * The overlay's datagram: a 4-byte header, then the inner IP packet unchanged. flannel's UDP
 * backend sends the bare packet; kubeboot adds the header (magic {@code "KB"}, version, type) so a
 * stray or foreign datagram on the port is recognised and dropped before its bytes are read as a
 * packet. The header is the price of 4 bytes of MTU (see {@link #OVERHEAD}).
 */
public final class Encapsulation {

  /** Header length. */
  public static final int HEADER = 4;
  /** Outer IPv4 header, UDP header and ours: the TUN MTU is the underlay MTU minus this. */
  public static final int OVERHEAD = 20 + 8 + HEADER;
  static final byte MAGIC_0 = 'K';
  static final byte MAGIC_1 = 'B';
  static final byte VERSION = 1;
  static final byte TYPE_IPV4 = 4;

  private Encapsulation() {
  }

  /** The TUN device's MTU for an underlay link of {@code underlayMtu}. */
  public static int innerMtu(int underlayMtu) {
    return underlayMtu - OVERHEAD;
  }

  static void writeHeader(ByteBuffer datagram) {
    datagram.put(0, MAGIC_0).put(1, MAGIC_1).put(2, VERSION).put(3, TYPE_IPV4);
  }

  /** Whether a received datagram of {@code length} bytes carries our header and one IPv4 packet. */
  static boolean isValid(ByteBuffer datagram, int length) {
    return length >= HEADER && datagram.get(0) == MAGIC_0 && datagram.get(1) == MAGIC_1
        && datagram.get(2) == VERSION && datagram.get(3) == TYPE_IPV4
        && IpPacket.isIpv4(datagram, HEADER, length - HEADER);
  }
}
