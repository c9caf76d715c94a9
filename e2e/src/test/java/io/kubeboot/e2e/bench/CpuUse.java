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
  private final Map<String, Long> jitStart;

  private CpuUse(ControlPlane cluster) {
    this.cluster = cluster;
    this.start = snapshot(cluster);
    this.jitStart = jitCompilerTicks(cluster);
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

  /** The part of the control plane's CPU time since this was made that its JIT compilers took. */
  double jitShare() {
    Map<String, Duration> now = cluster.cpuTimes();
    Duration controlPlane = now.entrySet().stream()
        .map(e -> e.getValue().minus(start.getOrDefault(e.getKey(), Duration.ZERO)))
        .reduce(Duration.ZERO, Duration::plus);
    return controlPlane.isZero() ? 0 : (double) jitCompilers().toMillis() / controlPlane.toMillis();
  }

  /**
   * CPU time the control plane's JIT compilers have spent since this was made. The JVM starts and
   * ends compiler threads as its queue grows and shrinks: each thread counts from its own start
   * (or this object's), and a thread that ended meanwhile drops out instead of making it negative.
   */
  Duration jitCompilers() {
    long ticks = 0;
    for (var thread : jitCompilerTicks(cluster).entrySet()) {
      ticks += thread.getValue() - jitStart.getOrDefault(thread.getKey(), 0L);
    }
    return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
  }

  /** CPU ticks of each of the control plane's JIT compiler threads ("pid/tid"), from /proc (Linux). */
  private static Map<String, Long> jitCompilerTicks(ControlPlane cluster) {
    Map<String, Long> ticks = new TreeMap<>();
    for (long pid : cluster.pids()) {
      try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(pid + "/" + task.getFileName(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
          }
        }
      } catch (IOException | RuntimeException e) {
        // a process or thread that ended meanwhile
      }
    }
    return ticks;
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
