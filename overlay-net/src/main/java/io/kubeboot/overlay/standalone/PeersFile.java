package io.kubeboot.overlay.standalone;

import io.kubeboot.overlay.core.Ipv4Subnet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A static route table in a file, one peer a line: {@code <subnet> <address>:<port>}, for
 * example {@code 10.244.2.0/24 192.168.1.12:8285}; blank lines and {@code #} comments are ignored.
 */
final class PeersFile {

  private PeersFile() {
  }

  static Map<Ipv4Subnet, InetSocketAddress> read(Path file) throws IOException {
    Map<Ipv4Subnet, InetSocketAddress> routes = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalArgumentException("expected '<subnet> <address>:<port>': " + raw);
      }
      routes.put(Ipv4Subnet.parse(fields[0]), endpoint(fields[1]));
    }
    return routes;
  }

  static InetSocketAddress endpoint(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected <address>:<port>: " + text);
    }
    int address = Ipv4Subnet.address(text.substring(0, colon));
    return new InetSocketAddress(Ipv4Subnet.format(address), Integer.parseInt(text.substring(colon + 1)));
  }
}
