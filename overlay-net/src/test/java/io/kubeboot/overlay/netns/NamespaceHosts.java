package io.kubeboot.overlay.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts simulated by network namespaces, built by {@code scripts/overlay-hosts.sh} (host N:
 * namespace {@code <prefix>hN}, underlay address 172.30.0.N, pod subnet 10.66.N.0/24 with a pod
 * namespace {@code <prefix>pN} at 10.66.N.2), each running the standalone overlay with its routes
 * in a peers file and its metrics in a file.
 */
final class NamespaceHosts implements AutoCloseable {

  static final String CLUSTER_CIDR = "10.66.0.0/16";
  static final int PORT = 8285;

  private final String prefix;
  private final int count;
  private final Path script;
  private final Path work;
  private final List<Process> overlays = new ArrayList<>();

  NamespaceHosts(String prefix, int count, Path script, Path work) {
    this.prefix = prefix;
    this.count = count;
    this.script = script;
    this.work = work;
  }

  /** Removes leftovers of an earlier run with this prefix, then creates the hosts. */
  void create() {
    Command.check(List.of("bash", script.toString(), "up", prefix, Integer.toString(count)));
  }

  static String underlay(int host) {
    return "172.30.0." + host;
  }

  static String subnet(int host) {
    return "10.66." + host + ".0/24";
  }

  static String pod(int host) {
    return "10.66." + host + ".2";
  }

  String hostNamespace(int host) {
    return prefix + "h" + host;
  }

  String podNamespace(int host) {
    return prefix + "p" + host;
  }

  Path peersFile(int host) {
    return work.resolve("peers-" + host);
  }

  /** Writes host {@code host}'s route table: every host in {@code peers}. */
  void setPeers(int host, List<Integer> peers) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int peer : peers) {
      lines.append(subnet(peer)).append(' ').append(underlay(peer)).append(':').append(PORT).append('\n');
    }
    Path partial = work.resolve("peers-" + host + ".partial");
    Files.writeString(partial, lines);
    Files.move(partial, peersFile(host), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Starts the overlay in host {@code host}'s namespace, with every other host as a peer. */
  void startOverlay(int host, List<String> javaCommand, boolean offload) throws IOException {
    List<Integer> others = new ArrayList<>();
    for (int other = 1; other <= count; other++) {
      if (other != host) {
        others.add(other);
      }
    }
    setPeers(host, others);
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", hostNamespace(host)));
    command.addAll(javaCommand);
    command.addAll(List.of("io.kubeboot.overlay.standalone.StaticOverlay", "--device", prefix + "0",
        "--address", underlay(host), "--port", Integer.toString(PORT), "--subnet", subnet(host),
        "--cluster-cidr", CLUSTER_CIDR, "--underlay-mtu", "1500", "--offload", Boolean.toString(offload), "--peers-file", peersFile(host).toString(),
        "--metrics-file", metricsFile(host).toString()));
    overlays.add(new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("overlay-" + host + ".log").toFile()).start());
  }

  boolean overlayReady(int host) throws IOException {
    Path log = work.resolve("overlay-" + host + ".log");
    return Files.exists(log) && Files.readString(log).contains("overlay ready") && Files.exists(metricsFile(host));
  }

  String overlayLog(int host) throws IOException {
    Path log = work.resolve("overlay-" + host + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private Path metricsFile(int host) {
    return work.resolve("metrics-" + host + ".prom");
  }

  /** The value of one sample of host {@code host}'s overlay metrics, e.g. {@code overlay_peers}. */
  double metric(int host, String name, Map<String, String> labels) throws IOException {
    StringBuilder selector = new StringBuilder();
    labels.forEach((key, value) -> selector.append(selector.isEmpty() ? "" : ",").append(key).append("=\"")
        .append(value).append('"'));
    String sample = selector.isEmpty() ? name : name + "{" + selector + "}";
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$")
        .matcher(Files.readString(metricsFile(host)));
    if (!matcher.find()) {
      throw new IllegalStateException("no sample " + sample + " in host " + host + "'s metrics");
    }
    return Double.parseDouble(matcher.group(1));
  }

  /** Prints each overlay's counters and log, for the test report. */
  void printMetrics() {
    for (int host = 1; host <= count; host++) {
      try {
        System.out.println("--- host " + host + " overlay log:\n" + overlayLog(host));
        System.out.println("--- host " + host + " metrics:");
        if (Files.exists(metricsFile(host))) {
          Files.readAllLines(metricsFile(host)).stream().filter(line -> line.startsWith("overlay_"))
              .forEach(System.out::println);
        }
      } catch (IOException e) {
        System.out.println("host " + host + ": " + e);
      }
    }
  }

  /** Runs a command inside namespace {@code namespace}. */
  static Command in(String namespace, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(List.of(command));
    return Command.run(full);
  }

  /** Stops the overlays, then removes every namespace (and so every link and route) of the prefix. */
  @Override
  public void close() {
    for (Process overlay : overlays) {
      overlay.destroy();
    }
    for (Process overlay : overlays) {
      try {
        if (!overlay.waitFor(10, TimeUnit.SECONDS)) {
          overlay.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Command.check(List.of("bash", script.toString(), "down", prefix));
  }
}
