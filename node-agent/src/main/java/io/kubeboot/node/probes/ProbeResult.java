package io.kubeboot.node.probes;

/** A probe's verdict on a container, as the kubelet's results manager keeps it. */
public enum ProbeResult {
  SUCCESS("successful"),
  FAILURE("failed"),
  UNKNOWN("unknown");

  private final String metricLabel;

  ProbeResult(String metricLabel) {
    this.metricLabel = metricLabel;
  }

  /** The {@code result} tag of upstream's {@code prober_probe_total}. */
  String metricLabel() {
    return metricLabel;
  }
}
