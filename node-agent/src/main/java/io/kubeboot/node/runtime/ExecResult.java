package io.kubeboot.node.runtime;

/**
 * How a command run in a container ended.
 *
 * @param exitCode null when it did not finish within the timeout
 * @param output its stdout and stderr, interleaved, cut at {@link DockerRuntime#EXEC_OUTPUT_LIMIT} bytes
 */
public record ExecResult(Integer exitCode, String output) {

  public boolean timedOut() {
    return exitCode == null;
  }
}
