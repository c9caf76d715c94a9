package io.kubeboot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real kubectl of a pinned version against the control plane. {@code /usr/bin/kubectl}
 * here is a dispatcher that picks a bundled kubectl by the server's minor version, so tests call
 * the versioned binaries next to it explicitly; elsewhere the kubectl on the PATH is used.
 */
final class Kubectl {

  record Result(int exitCode, String out, String err) {

    /** Fails the test, with what kubectl printed, unless kubectl exited with 0; else returns this result. */
    Result assertSucceeded() {
      org.assertj.core.api.Assertions.assertThat(exitCode).as(toString()).isZero();
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  private final String binary;
  private final ControlPlane cluster;
  private final Path cacheDir;

  private Kubectl(String binary, ControlPlane cluster) {
    this.binary = binary;
    this.cluster = cluster;
    this.cacheDir = cluster.work().resolve("kubectl-cache-" + Path.of(binary).getFileName());
  }

  /** kubectl of the given minor version, e.g. "1.33", or the one on the PATH if there is none. */
  static Kubectl version(String minor, ControlPlane cluster) {
    try {
      Path dispatcher = Path.of("/usr/bin/kubectl").toRealPath();
      Path pinned = dispatcher.resolveSibling("kubectl." + minor);
      if (Files.isExecutable(pinned)) {
        return new Kubectl(pinned.toString(), cluster);
      }
    } catch (IOException noDispatcher) {
      // fall through to the PATH
    }
    return new Kubectl("kubectl", cluster);
  }

  Result run(String... args) {
    return withInput(null, args);
  }

  /** Runs kubectl with {@code stdin} (e.g. a manifest for {@code apply -f -}) and waits up to 60 s. */
  Result withInput(String stdin, String... args) {
    return execute(stdin, command(args));
  }

  /**
   * Runs kubectl on a terminal of {@code rows} x {@code columns} (util-linux {@code script}), typing
   * {@code input}; for {@code exec -ti}. The output is the terminal's, stdout and stderr together.
   */
  Result inTerminal(int rows, int columns, String input, String... args) {
    StringBuilder line = new StringBuilder("stty rows " + rows + " cols " + columns + "; exec");
    for (String word : command(args)) {
      line.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    return execute(input, List.of("script", "-qec", line.toString(), "/dev/null"));
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(binary, "--kubeconfig", cluster.kubeconfig().toString(),
        "--cache-dir", cacheDir.toString(), "--request-timeout", "30s"));
    command.addAll(List.of(args));
    return command;
  }

  private Result execute(String stdin, List<String> command) {
    try {
      // output goes to files: a pipe left unread while waiting could fill and stall kubectl
      Path out = Files.createTempFile(cluster.work(), "kubectl", ".out");
      Path err = Files.createTempFile(cluster.work(), "kubectl", ".err");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a long-running kubectl (e.g. {@code get -w}); the caller reads and destroys it. */
  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(binary, "--kubeconfig", cluster.kubeconfig().toString(),
        "--cache-dir", cacheDir.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Runs a long-running kubectl (e.g. {@code rollout status}) until its output contains {@code verdict}
   * or it exits, then stops it and returns what it printed. It is read until its verdict and then
   * stopped: on this machine kubectl was seen to print its verdict and then not exit (closing its
   * watch through the gateway), which is the gateway's matter, not what a caller tests.
   */
  String outputUntil(String verdict, java.time.Duration timeout, String... args) throws Exception {
    Process process = start(args);
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
        for (String line; (line = lines.readLine()) != null; ) {
          synchronized (out) {
            out.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // destroyed
      }
    });
    reader.start();
    try {
      org.awaitility.Awaitility.await().atMost(timeout).until(() -> {
        synchronized (out) {
          return out.toString().contains(verdict) || !process.isAlive();
        }
      });
    } finally {
      process.destroyForcibly();
      reader.join(5000);
    }
    synchronized (out) {
      return out.toString();
    }
  }
}
