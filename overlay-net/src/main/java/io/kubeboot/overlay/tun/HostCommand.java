package io.kubeboot.overlay.tun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the host's network tools ({@code ip}, {@code iptables}) and reports its outcome. */
final class HostCommand {

  private HostCommand() {
  }

  /** Runs the command and returns its exit code, its output ignored. */
  static int exitCode(List<String> command) throws IOException {
    return run(command).exitCode;
  }

  /** Runs the command and fails with its output unless it exits 0. */
  static void require(List<String> command) throws IOException {
    Outcome outcome = run(command);
    if (outcome.exitCode != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + outcome.output);
    }
  }

  private record Outcome(int exitCode, String output) {
  }

  private static Outcome run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return new Outcome(process.exitValue(), output);
  }
}
