package io.kubeboot.overlay.standalone;

import io.kubeboot.overlay.core.Ipv4Subnet;
import io.kubeboot.overlay.core.Overlay;
import io.kubeboot.overlay.core.OverlayMetrics;
import io.kubeboot.overlay.core.OverlaySettings;
import io.kubeboot.overlay.core.RouteTable;
import io.kubeboot.overlay.tun.OverlayLauncher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The overlay without an API server: its routes come from a peers file ({@link PeersFile}), read
 * again whenever it changes, and its metrics go to a file in Prometheus text format. Used where
 * there is no control plane: the network-namespace test and the overlay benchmark.
 *
 * <pre>
 * java -cp ... io.kubeboot.overlay.standalone.StaticOverlay --device kb0 --address 192.168.1.11
 *     --subnet 10.244.1.0/24 --cluster-cidr 10.244.0.0/16 --peers-file peers.txt
 *     [--port 8285] [--underlay-mtu 1500] [--offload true] [--metrics-file metrics.prom]
 * </pre>
 * It prints {@code overlay ready} once the device is up, and runs until killed.
 */
public final class StaticOverlay {

  private static final long POLL_MILLIS = 200;

  private StaticOverlay() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = options(args);
    Ipv4Subnet subnet = Ipv4Subnet.parse(required(options, "subnet"));
    RouteTable routes = new RouteTable(Ipv4Subnet.parse(required(options, "cluster-cidr")), subnet);
    Path peers = Path.of(required(options, "peers-file"));
    routes.replaceAll(PeersFile.read(peers));
    OverlaySettings settings = new OverlaySettings(options.getOrDefault("device", "kubeboot0"),
        new InetSocketAddress(required(options, "address"),
            Integer.parseInt(options.getOrDefault("port", Integer.toString(OverlaySettings.DEFAULT_PORT)))),
        Integer.parseInt(options.getOrDefault("underlay-mtu", "0")),
        Boolean.parseBoolean(options.getOrDefault("offload", "true")));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Path metrics = options.containsKey("metrics-file") ? Path.of(options.get("metrics-file")) : null;
    try (Overlay overlay = OverlayLauncher.start(settings, routes, new OverlayMetrics(registry, routes::peerCount))) {
      Runtime.getRuntime().addShutdownHook(new Thread(overlay::close));
      System.out.println("overlay ready");
      String lastPeers = Files.readString(peers);
      while (true) {
        String current = Files.readString(peers);
        if (!Objects.equals(current, lastPeers)) {
          lastPeers = current;
          try {
            routes.replaceAll(PeersFile.read(peers));
            System.out.println("routes " + routes.routes());
          } catch (IllegalArgumentException e) {
            System.out.println("peers file not applied, the routes stay as they were: " + e.getMessage());
          }
        }
        if (metrics != null) {
          writeAtomically(metrics, registry.scrape());
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.writeString(partial, content);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }
}
