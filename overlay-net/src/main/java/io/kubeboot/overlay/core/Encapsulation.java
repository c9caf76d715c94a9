package io.kubeboot.overlay.core;

import java.nio.ByteBuffer;

/**
 * The overlay's datagram: a 4-byte header, then what the TUN device gives, unchanged: the IP
 * packet, behind a virtio-net header when the device offloads segmentation (see
 * {@link PacketDevice#prefixLength()}). flannel's UDP backend sends the bare packet; kubeboot adds
 * the header (magic {@code "KB"}, version, type) so a stray or foreign datagram on the port is
 * recognised and dropped before its bytes are read as a packet, and so nodes whose devices differ
 * in the prefix never write each other's datagrams. It costs 4 bytes of MTU (see {@link #OVERHEAD}).
 */
public final class Encapsulation {

  /** Header length. */
  public static final int HEADER = 4;
  /** Outer IPv4 header, UDP header and ours: the TUN MTU is the underlay MTU minus this. */
  public static final int OVERHEAD = 20 + 8 + HEADER;
  private static final byte MAGIC_0 = 'K';
  private static final byte MAGIC_1 = 'B';
  private static final byte VERSION = 1;
  /** The payload is an IPv4 packet. */
  private static final byte TYPE_IPV4 = 4;
  /** The payload is a virtio-net header, then an IPv4 packet (possibly a TCP segment of up to 64 KiB). */
  private static final byte TYPE_VNET_IPV4 = 5;

  private final byte type;
  private final int prefixLength;

  private Encapsulation(byte type, int prefixLength) {
    this.type = type;
    this.prefixLength = prefixLength;
  }

  /** The datagrams of a device whose packets come behind {@code prefixLength} bytes (0 or a virtio-net header). */
  public static Encapsulation of(int prefixLength) {
    return new Encapsulation(prefixLength == 0 ? TYPE_IPV4 : TYPE_VNET_IPV4, prefixLength);
  }

  /** The TUN device's MTU for an underlay link of {@code underlayMtu}. */
  public static int innerMtu(int underlayMtu) {
    return underlayMtu - OVERHEAD;
  }

  /** Where the IP packet starts in a datagram. */
  int packetOffset() {
    return HEADER + prefixLength;
  }

  void writeHeader(ByteBuffer datagram) {
    datagram.put(0, MAGIC_0).put(1, MAGIC_1).put(2, VERSION).put(3, type);
  }

  /** Whether a received datagram of {@code length} bytes carries our header and one IPv4 packet. */
  boolean isValid(ByteBuffer datagram, int length) {
    return length >= packetOffset() && datagram.get(0) == MAGIC_0 && datagram.get(1) == MAGIC_1
        && datagram.get(2) == VERSION && datagram.get(3) == type
        && IpPacket.isIpv4(datagram, packetOffset(), length - packetOffset());
  }
}
