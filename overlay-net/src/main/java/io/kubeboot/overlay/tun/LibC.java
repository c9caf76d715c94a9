package io.kubeboot.overlay.tun;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The few libc calls a TUN device needs. Java cannot open one itself: the kernel hands out the
 * device only through {@code ioctl(TUNSETIFF)} on {@code /dev/net/tun}, which no JDK API issues.
 * JNA is the long-maintained, widely used way to call libc from Java without compiling JNI code;
 * its direct mapping ({@link Native#register}) keeps each call cheap enough for the per-packet
 * read and write. Buffers and sizes are passed as {@code long}: Linux on 64-bit (LP64) only, where
 * pointers, {@code size_t} and {@code ssize_t} are all 64-bit.
 */
final class LibC {

  static final int O_RDWR = 2;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int EAGAIN = 11;
  static final int EINTR = 4;
  static final short POLLIN = 1;

  static {
    Native.register(NativeLibrary.getInstance("c"));
  }

  private LibC() {
  }

  static native int open(String path, int flags) throws LastErrorException;

  /** {@code ioctl(fd, request, struct ifreq *)}: the request argument is a pointer to {@code ifreq}. */
  static native int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

  /**
   * Returns -1 with {@link Native#getLastError()} set on failure rather than throwing: on a
   * non-blocking descriptor EAGAIN is the normal end of every burst, and an exception per burst
   * would cost more than the read.
   */
  /** {@code ioctl(fd, request, value)}: requests whose argument is a value, not a pointer. */
  static native int ioctl(int fd, long request, long value) throws LastErrorException;

  static native long read(int fd, long buffer, long count);

  static native long write(int fd, long buffer, long count) throws LastErrorException;

  /** {@code poll} on an array of {@code struct pollfd} (int fd, short events, short revents). */
  static native int poll(byte[] fds, long count, int timeoutMillis) throws LastErrorException;

  static native int close(int fd) throws LastErrorException;
}
