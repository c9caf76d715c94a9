package io.kubeboot.node.probes;

/**
 * What one probe attempt found. An {@code error} is the probe not being runnable (an unknown port
 * name, an unsupported handler): upstream throws that result away rather than count it as a failure.
 *
 * @param output what the attempt said: the failure message, or the command's output
 */
record ProbeOutcome(ProbeResult result, String output, boolean error) {

  static ProbeOutcome success(String output) {
    return new ProbeOutcome(ProbeResult.SUCCESS, output, false);
  }

  static ProbeOutcome failure(String output) {
    return new ProbeOutcome(ProbeResult.FAILURE, output, false);
  }

  static ProbeOutcome error(String message) {
    return new ProbeOutcome(ProbeResult.UNKNOWN, message, true);
  }
}
