package io.kubeboot.overlay.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run to completion, with its exit code and combined output. */
record Command(int exitCode, String output) {

  static Command run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("did not finish in 120 s: " + command);
      }
      return new Command(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code command} and fails unless it exits with 0. */
  static String check(List<String> command) {
    Command result = run(command);
    if (result.exitCode != 0) {
      throw new IllegalStateException(command + " exited with " + result.exitCode + ": " + result.output);
    }
    return result.output;
  }
}
