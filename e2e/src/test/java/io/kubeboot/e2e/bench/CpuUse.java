package io.kubeboot.e2e.bench;

import io.kubeboot.e2e.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final Duration jitStart;

  private CpuUse(ControlPlane cluster) {
    this.cluster = cluster;
    this.start = snapshot(cluster);
    this.jitStart = jitCompilers(cluster);
  }

  static CpuUse since(ControlPlane cluster) {
    return new CpuUse(cluster);
  }

  /**
   * "CPU s: api-gateway 8.1, kafka 2.0, ...; JIT compilers 3.2" for the time since this was made,
   * the last figure the part of the control plane's time its JVMs spent compiling.
   */
  String summary() {
    Map<String, Duration> now = snapshot(cluster);
    return "CPU s: " + now.entrySet().stream()
        .map(e -> String.format("%s %.1f", e.getKey(),
            e.getValue().minus(start.getOrDefault(e.getKey(), Duration.ZERO)).toMillis() / 1e3))
        .collect(Collectors.joining(", "))
        + String.format("; JIT compilers %.1f", jitCompilers().toMillis() / 1e3);
  }

  /** CPU time the control plane's JIT compilers have spent since this was made. */
  Duration jitCompilers() {
    return jitCompilers(cluster).minus(jitStart);
  }

  /** CPU time of the control plane's JIT compiler threads, from /proc (Linux). */
  private static Duration jitCompilers(ControlPlane cluster) {
    long ticks = 0;
    for (long pid : cluster.pids()) {
      try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          }
        }
      } catch (IOException | RuntimeException e) {
        // a process or thread that ended meanwhile
      }
    }
    return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
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
