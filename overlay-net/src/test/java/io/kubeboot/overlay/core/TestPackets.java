package io.kubeboot.overlay.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Hand-made packets and datagrams for tests. */
public final class TestPackets {

  private TestPackets() {
  }

  /** A minimal IPv4 packet: a 20-byte header and an empty UDP datagram to port 9 (discard). */
  public static byte[] udpPacket(String source, String destination) throws UnknownHostException {
    ByteBuffer packet = ByteBuffer.allocate(28);
    packet.put((byte) 0x45).put((byte) 0).putShort((short) 28).putInt(0).put((byte) 64).put((byte) 17)
        .putShort((short) 0);
    packet.put(InetAddress.getByName(source).getAddress()).put(InetAddress.getByName(destination).getAddress());
    packet.putShort((short) 9).putShort((short) 9).putShort((short) 8).putShort((short) 0);
    return packet.array();
  }

  /** {@code packet} as an overlay without offload sends it: behind the overlay's header. */
  public static byte[] encapsulated(byte[] packet) {
    return encapsulated(packet, 0);
  }

  /** {@code packet} as sent from a device with {@code prefixLength} bytes (zeros here) before each packet. */
  public static byte[] encapsulated(byte[] packet, int prefixLength) {
    Encapsulation encapsulation = Encapsulation.of(prefixLength);
    ByteBuffer datagram = ByteBuffer.allocate(encapsulation.packetOffset() + packet.length);
    encapsulation.writeHeader(datagram);
    return datagram.put(encapsulation.packetOffset(), packet).array();
  }
}
