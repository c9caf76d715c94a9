package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The taints upstream puts on nodes by their conditions (TaintNodesByCondition and the
 * NoExecute taints of the taint-based eviction): not-ready when Ready is False, unreachable when
 * it is Unknown, unschedulable when the node is cordoned. Other taints are the user's.
 */
final class NodeTaints {

  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  private static final Set<String> MANAGED = Set.of(NOT_READY, UNREACHABLE, UNSCHEDULABLE);

  private NodeTaints() {
  }

  /** The node's taints as they should be for {@code readyStatus}; taints already there keep their timeAdded. */
  static List<Taint> desired(Node node, String readyStatus, Instant now) {
    List<Taint> current = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
        : node.getSpec().getTaints();
    List<Taint> result = new ArrayList<>(current.stream().filter(t -> !MANAGED.contains(t.getKey())).toList());
    String condition = switch (readyStatus) {
      case "True" -> null;
      case "False" -> NOT_READY;
      default -> UNREACHABLE;
    };
    if (condition != null) {
      result.add(keep(current, condition, "NoSchedule", now));
      result.add(keep(current, condition, "NoExecute", now));
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      result.add(keep(current, UNSCHEDULABLE, "NoSchedule", now));
    }
    return result;
  }

  private static Taint keep(List<Taint> current, String key, String effect, Instant now) {
    return current.stream().filter(t -> key.equals(t.getKey()) && effect.equals(t.getEffect())).findFirst()
        .orElseGet(() -> new TaintBuilder().withKey(key).withEffect(effect)
            .withTimeAdded("NoExecute".equals(effect) ? now.truncatedTo(ChronoUnit.SECONDS).toString() : null)
            .build());
  }
}
