package io.kubeboot.node.runtime;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The attached streams of a Docker exec ({@code POST /exec/{id}/start}) or container
 * ({@code POST /containers/{id}/attach}): the engine hijacks the HTTP connection and then sends
 * the process's output on it and reads its stdin from it. Stdin can be closed on its own.
 *
 * <p>Hand-written rather than docker-java's attach commands: docker-java's transports copy
 * stdin into the hijacked connection but never half-close it when stdin ends, so the process
 * never sees end-of-file and {@code kubectl exec -i POD -- cat} would never finish. Here the
 * socket's output is shut down when the client closes stdin, as the docker CLI does.
 *
 * <p>Reads and writes go straight to the {@link SocketChannel}: its channel streams
 * ({@code Channels.newInputStream}) share one lock, so a blocked read would stall stdin.
 */
public final class HijackedStream implements Closeable {

  private final SocketChannel channel;
  private final InputStream raw;
  private final boolean tty;

  private HijackedStream(SocketChannel channel, InputStream raw, boolean tty) {
    this.channel = channel;
    this.raw = raw;
    this.tty = tty;
  }

  /**
   * Sends {@code POST path} with {@code jsonBody} (may be empty) to the engine at
   * {@code dockerHost} ({@code unix://} or {@code tcp://}) and takes over the connection.
   *
   * @param tty whether the process has a terminal: its output then comes raw, not multiplexed
   */
  static HijackedStream open(String dockerHost, String path, String jsonBody, boolean tty) throws IOException {
    SocketChannel channel = connect(dockerHost);
    try {
      byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
      String head = "POST " + path + " HTTP/1.1\r\nHost: docker\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
      write(channel, head.getBytes(StandardCharsets.US_ASCII));
      write(channel, body);
      InputStream in = new ChannelInput(channel);
      String statusLine = readHead(in);
      int code = Integer.parseInt(statusLine.split(" ")[1]);
      if (code != 101 && code != 200) {
        throw new IOException("docker answered " + statusLine);
      }
      return new HijackedStream(channel, in, tty);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * The next piece of output, or {@code null} at the end. Without a tty the engine multiplexes
   * stdout and stderr, each piece behind an 8-byte header (stream type, 0, 0, 0, big-endian size).
   */
  public Output next() throws IOException {
    if (tty) {
      byte[] buffer = new byte[8192];
      int n = raw.read(buffer);
      return n < 0 ? null : new Output(Output.STDOUT, java.util.Arrays.copyOf(buffer, n));
    }
    byte[] header = raw.readNBytes(8);
    if (header.length == 0) {
      return null;
    }
    if (header.length < 8) {
      throw new EOFException("truncated docker stream header");
    }
    int size = ByteBuffer.wrap(header, 4, 4).getInt();
    byte[] payload = raw.readNBytes(size);
    if (payload.length < size) {
      throw new EOFException("truncated docker stream frame");
    }
    return new Output(header[0] == Output.STDERR ? Output.STDERR : Output.STDOUT, payload);
  }

  /** The process's stdin; {@link #closeStdin()} ends it. */
  public OutputStream stdin() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        HijackedStream.write(channel, ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** Half-closes the connection: the process reads end-of-file, its output keeps coming. */
  public void closeStdin() throws IOException {
    if (channel.isOpen()) {
      channel.shutdownOutput();
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** @param stream {@link #STDOUT} or {@link #STDERR} */
  public record Output(int stream, byte[] data) {
    public static final int STDOUT = 1;
    public static final int STDERR = 2;
  }

  private static SocketChannel connect(String dockerHost) throws IOException {
    URI uri = URI.create(dockerHost);
    SocketAddress address;
    SocketChannel channel;
    if ("unix".equals(uri.getScheme())) {
      address = UnixDomainSocketAddress.of(uri.getPath());
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } else {
      address = new InetSocketAddress(uri.getHost(), uri.getPort());
      channel = SocketChannel.open();
    }
    channel.connect(address);
    return channel;
  }

  /** Reads the response head up to the blank line and returns its status line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("docker closed the connection before answering");
      }
      head.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    return text.substring(0, text.indexOf("\r\n"));
  }

  private static void write(SocketChannel channel, byte[] bytes) throws IOException {
    write(channel, ByteBuffer.wrap(bytes));
  }

  private static void write(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** A blocking read straight from the channel; one byte at a time only while reading the head. */
  private static final class ChannelInput extends InputStream {
    private final SocketChannel channel;

    ChannelInput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      return channel.read(ByteBuffer.wrap(b, off, len));
    }
  }
}
