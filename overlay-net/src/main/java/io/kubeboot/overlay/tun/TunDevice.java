package io.kubeboot.overlay.tun;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.kubeboot.overlay.core.PacketDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A Linux TUN device in the network namespace of this process: raw IP packets, no link header and
 * no packet-information prefix ({@code IFF_TUN | IFF_NO_PI}), as flannel's {@code flannel0}. The
 * device exists while it is open (it is not persistent), so closing it removes it together with
 * its addresses and routes.
 */
public final class TunDevice implements PacketDevice {

  private static final String CLONE_DEVICE = "/dev/net/tun";
  /** {@code _IOW('T', 202, int)} from linux/if_tun.h. */
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TUN = 0x0001;
  private static final short IFF_NO_PI = 0x1000;
  private static final short IFF_VNET_HDR = 0x4000;
  /** {@code _IOW('T', 208, unsigned int)}: which offloads the reader takes on. */
  private static final long TUNSETOFFLOAD = 0x400454d0L;
  /** {@code TUN_F_CSUM | TUN_F_TSO4}: checksums left to the receiver, IPv4 TCP segments up to 64 KiB. */
  private static final long TCP4_OFFLOAD = 0x01 | 0x02;
  /** {@code sizeof(struct virtio_net_hdr)}: the device's default header size. */
  public static final int VNET_HEADER = 10;
  /** {@code sizeof(struct ifreq)}: a 16-byte name and a 24-byte union whose first field is the flags. */
  private static final int IFREQ_SIZE = 40;
  private static final int IFNAMSIZ = 16;
  /** How long a read waits before it looks whether the device was closed meanwhile. */
  private static final int POLL_MILLIS = 200;

  private final int fd;
  private final String name;
  private final boolean offload;
  /** Reads and writes share it; close takes it alone, so the descriptor is never closed under them. */
  private final BufferAddresses addresses = new BufferAddresses();
  private final ReadWriteLock inUse = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private boolean released;

  private TunDevice(int fd, String name, boolean offload) {
    this.fd = fd;
    this.name = name;
    this.offload = offload;
  }

  /**
   * Creates the device {@code requestedName} (at most 15 bytes), or attaches to it if it is free.
   * With {@code offload}, the kernel hands over whole TCP segments (up to 64 KiB, each behind a
   * virtio-net header) instead of cutting them into MTU-sized packets first: the overlay then
   * carries one datagram where it would carry forty, and the receiving kernel does the cutting.
   */
  public static TunDevice open(String requestedName, boolean offload) throws IOException {
    byte[] nameBytes = requestedName.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length >= IFNAMSIZ) {
      throw new IllegalArgumentException("interface name longer than 15 bytes: " + requestedName);
    }
    int fd;
    try {
      fd = LibC.open(CLONE_DEVICE, LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new IOException("cannot open " + CLONE_DEVICE + " (errno " + e.getErrorCode() + ")", e);
    }
    ByteBuffer ifreq = ByteBuffer.allocate(IFREQ_SIZE).order(ByteOrder.nativeOrder());
    ifreq.put(nameBytes).putShort(IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI | (offload ? IFF_VNET_HDR : 0)));
    try {
      LibC.ioctl(fd, TUNSETIFF, ifreq.array());
      if (offload) {
        LibC.ioctl(fd, TUNSETOFFLOAD, TCP4_OFFLOAD);
      }
    } catch (LastErrorException e) {
      LibC.close(fd);
      throw new IOException("setting up " + requestedName + " failed (errno " + e.getErrorCode() + ")", e);
    }
    byte[] assigned = ifreq.array();
    int length = 0;
    while (length < IFNAMSIZ && assigned[length] != 0) {
      length++;
    }
    return new TunDevice(fd, new String(assigned, 0, length, StandardCharsets.US_ASCII), offload);
  }

  /** The interface name the kernel gave the device. */
  public String name() {
    return name;
  }

  @Override
  public int prefixLength() {
    return offload ? VNET_HEADER : 0;
  }

  @Override
  public int read(ByteBuffer buffer, int offset, int max) throws IOException {
    long address = address(buffer, offset, max);
    byte[] pollfd = pollfd();
    while (true) {
      inUse.readLock().lock();
      try {
        if (closed) {
          return -1;
        }
        long length = LibC.read(fd, address, max);
        if (length >= 0) {
          return (int) length;
        }
        int errno = Native.getLastError();
        if (errno != LibC.EAGAIN && errno != LibC.EINTR) {
          throw new IOException("read from " + name + " failed (errno " + errno + ")");
        }
        try {
          LibC.poll(pollfd, 1, POLL_MILLIS);
        } catch (LastErrorException e) {
          if (e.getErrorCode() != LibC.EINTR) {
            throw new IOException("poll on " + name + " failed (errno " + e.getErrorCode() + ")", e);
          }
        }
      } finally {
        inUse.readLock().unlock();
      }
    }
  }

  @Override
  public void write(ByteBuffer buffer, int offset, int length) throws IOException {
    long address = address(buffer, offset, length);
    inUse.readLock().lock();
    try {
      if (closed) {
        throw new IOException(name + " is closed");
      }
      LibC.write(fd, address, length);
    } catch (LastErrorException e) {
      throw new IOException("write to " + name + " failed (errno " + e.getErrorCode() + ")", e);
    } finally {
      inUse.readLock().unlock();
    }
  }

  private byte[] pollfd() {
    ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    pollfd.putInt(0, fd).putShort(4, LibC.POLLIN);
    return pollfd.array();
  }

  private long address(ByteBuffer buffer, int offset, int length) {
    if (!buffer.isDirect() || offset < 0 || length < 0 || offset + length > buffer.capacity()) {
      throw new IllegalArgumentException("a direct buffer with room for " + length + " bytes at " + offset);
    }
    return addresses.of(buffer) + offset;
  }

  /**
   * The native address of each direct buffer, looked up once: the packet loops pass the same two
   * buffers for every packet, and asking JNA each time allocates a {@link Pointer} per packet.
   */
  private static final class BufferAddresses {

    private final Map<ByteBuffer, Long> known = Collections.synchronizedMap(new IdentityHashMap<>());

    long of(ByteBuffer buffer) {
      return known.computeIfAbsent(buffer, b -> Pointer.nativeValue(Native.getDirectBufferPointer(b)));
    }
  }

  /** Waits for a read in progress (at most one poll interval), then closes the descriptor. */
  @Override
  public void close() {
    closed = true;
    inUse.writeLock().lock();
    try {
      if (!released) {
        released = true;
        LibC.close(fd);
      }
    } catch (LastErrorException e) {
      // already gone; nothing left to release
    } finally {
      inUse.writeLock().unlock();
    }
  }
}
