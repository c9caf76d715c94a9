package io.kubeboot.node.probes;

/** The probes' current verdicts, read by the pod status and the pod worker. */
@FunctionalInterface
public interface ProbeResults {

  /** No prober has said anything: every probe at its initial result. */
  ProbeResults NONE = (containerId, type) -> type.initial();

  /** The verdict on this container, or the probe type's initial result while none is known. */
  ProbeResult result(String containerId, ProbeType type);
}
