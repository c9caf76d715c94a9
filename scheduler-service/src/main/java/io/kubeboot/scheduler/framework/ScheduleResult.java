package io.kubeboot.scheduler.framework;

/** What one scheduling cycle decided for a pod. */
public sealed interface ScheduleResult {

  /** The pod should be bound to {@code node}, chosen among {@code feasibleNodes} after {@code evaluatedNodes} filters. */
  record Suggested(String node, int evaluatedNodes, int feasibleNodes) implements ScheduleResult {
  }

  /** No node fits; the diagnosis says why, node by node. */
  record Unschedulable(Diagnosis diagnosis) implements ScheduleResult {
  }
}
