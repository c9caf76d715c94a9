package io.kubeboot.e2e.bench;

import io.kubeboot.e2e.ControlPlane;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time spent by each part of a benchmark's machine between two moments: the control plane's
 * processes, PostgreSQL and Kafka (found by their command lines) and the benchmark itself. Shows
 * where a 2-core machine's time goes.
 */
final class CpuUse {

  private final ControlPlane cluster;
  private final Map<String, Duration> start;

  private CpuUse(ControlPlane cluster) {
    this.cluster = cluster;
    this.start = snapshot(cluster);
  }

  static CpuUse since(ControlPlane cluster) {
    return new CpuUse(cluster);
  }

  /** "CPU s: api-gateway 8.1, kafka 2.0, ..." for the time since this was made. */
  String summary() {
    Map<String, Duration> now = snapshot(cluster);
    return "CPU s: " + now.entrySet().stream()
        .map(e -> String.format("%s %.1f", e.getKey(),
            e.getValue().minus(start.getOrDefault(e.getKey(), Duration.ZERO)).toMillis() / 1e3))
        .collect(Collectors.joining(", "));
  }

  private static Map<String, Duration> snapshot(ControlPlane cluster) {
    Map<String, Duration> times = new TreeMap<>(cluster.cpuTimes());
    ProcessHandle.allProcesses().forEach(process -> {
      String command = process.info().commandLine().orElse("");
      String part = command.contains("kafka.Kafka") ? "kafka"
          : process.info().command().orElse("").endsWith("/postgres") ? "postgres" : null;
      if (part != null) {
        times.merge(part, process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
      }
    });
    times.put("bench", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    return times;
  }
}
