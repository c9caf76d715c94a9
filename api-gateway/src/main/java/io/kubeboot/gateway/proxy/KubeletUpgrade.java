package io.kubeboot.gateway.proxy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 upgrade request to a node agent, on a socket of its own, and the agent's answer.
 * After a {@code 101} the socket belongs to whoever tunnels it; otherwise the answer's body (a
 * Status) is read so it can be passed on.
 *
 * <p>Written on a plain socket because no HTTP client hands out the raw connection after a
 * {@code 101}: the JDK client and Spring's clients read responses, they do not tunnel them.
 */
final class KubeletUpgrade implements Closeable {

  /** A header line of the answer, name as sent. */
  record Header(String name, String value) {
  }

  private final Socket socket;
  private final InputStream in;
  private final int status;
  private final List<Header> headers;

  private KubeletUpgrade(Socket socket, InputStream in, int status, List<Header> headers) {
    this.socket = socket;
    this.in = in;
    this.status = status;
    this.headers = headers;
  }

  /**
   * Sends {@code method pathAndQuery} with {@code requestHeaders} to {@code host:port} and reads
   * the answer's head; {@code timeout} bounds connecting and waiting for that head.
   */
  static KubeletUpgrade send(String host, int port, String method, String pathAndQuery,
      Map<String, List<String>> requestHeaders, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
          .append("Host: ").append(host).append(':').append(port).append("\r\n");
      requestHeaders.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
      head.append("Content-Length: 0\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      List<String> lines = readHead(in);
      int status = Integer.parseInt(lines.get(0).split(" ", 3)[1]);
      List<Header> headers = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
      }
      socket.setSoTimeout(0); // a tunnel idles as long as its user does
      return new KubeletUpgrade(socket, in, status, headers);
    } catch (IOException e) {
      socket.close();
      throw e;
    } catch (RuntimeException e) {
      socket.close();
      throw new IOException("bad answer from the node agent: " + e, e);
    }
  }

  int status() {
    return status;
  }

  List<Header> headers() {
    return headers;
  }

  Socket socket() {
    return socket;
  }

  /** What the agent sent after the head (already buffered bytes included). */
  InputStream input() {
    return in;
  }

  /** The body of a refusal: {@code Content-Length} bytes, chunks, or up to the end of the connection. */
  byte[] body() throws IOException {
    String length = header("Content-Length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length));
    }
    if ("chunked".equalsIgnoreCase(header("Transfer-Encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int size;
      while ((size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0) {
        body.write(in.readNBytes(size));
        readLine(in);
      }
      return body.toByteArray();
    }
    return in.readAllBytes();
  }

  private String header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /** One line without its CRLF. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("the node agent closed the connection mid-answer");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  static boolean isHopByHopOrCredential(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("host") || lower.equals("authorization") || lower.equals("content-length")
        || lower.equals("transfer-encoding") || lower.startsWith("impersonate-");
  }
}
