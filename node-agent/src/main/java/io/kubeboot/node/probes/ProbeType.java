package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;

/**
 * The kubelet's three probes, with the result each starts from before its first verdict
 * (upstream's {@code initialValue}): a container is alive until shown otherwise, not ready until
 * shown ready, and not known to have started.
 */
public enum ProbeType {
  LIVENESS("Liveness", ProbeResult.SUCCESS),
  READINESS("Readiness", ProbeResult.FAILURE),
  STARTUP("Startup", ProbeResult.UNKNOWN);

  private final String label;
  private final ProbeResult initial;

  ProbeType(String label, ProbeResult initial) {
    this.label = label;
    this.initial = initial;
  }

  /** Upstream's spelling, in events ("Liveness probe failed: ...") and the probe_type metric tag. */
  public String label() {
    return label;
  }

  ProbeResult initial() {
    return initial;
  }

  /** This probe of the container, or null when it has none. */
  public Probe of(Container container) {
    return switch (this) {
      case LIVENESS -> container.getLivenessProbe();
      case READINESS -> container.getReadinessProbe();
      case STARTUP -> container.getStartupProbe();
    };
  }
}
