package io.kubeboot.overlay.core;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A packet device in memory: what the test offers is read by the overlay, what it writes is kept. */
final class MemoryDevice implements PacketDevice {

  final BlockingQueue<byte[]> toRead = new LinkedBlockingQueue<>();
  final BlockingQueue<byte[]> written = new LinkedBlockingQueue<>();
  private final int prefixLength;
  private volatile boolean closed;

  MemoryDevice() {
    this(0);
  }

  MemoryDevice(int prefixLength) {
    this.prefixLength = prefixLength;
  }

  @Override
  public int prefixLength() {
    return prefixLength;
  }

  @Override
  public int read(ByteBuffer buffer, int offset, int max) {
    try {
      while (!closed) {
        byte[] packet = toRead.poll(100, TimeUnit.MILLISECONDS);
        if (packet != null) {
          buffer.put(offset, packet, 0, packet.length);
          return packet.length;
        }
      }
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public void write(ByteBuffer buffer, int offset, int length) {
    byte[] packet = new byte[length];
    buffer.get(offset, packet);
    written.add(packet);
  }

  @Override
  public void close() {
    closed = true;
  }
}
