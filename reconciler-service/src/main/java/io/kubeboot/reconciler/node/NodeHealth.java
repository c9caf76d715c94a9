package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the node lifecycle controller concludes about a node from its kubelet's last signs of
 * life, the Lease renewal and the Ready condition's heartbeat: healthy until the grace period
 * has passed since the later of the two.
 */
record NodeHealth(Instant lastSeen, String readyStatus) {

  static NodeHealth of(Node node, Lease lease) {
    Instant heartbeat = readyCondition(node).map(NodeCondition::getLastHeartbeatTime).map(NodeHealth::parse)
        .orElse(null);
    Instant renewed = lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null ? null
        : lease.getSpec().getRenewTime().toInstant();
    Instant created = parse(node.getMetadata().getCreationTimestamp());
    Instant lastSeen = latest(latest(heartbeat, renewed), created);
    return new NodeHealth(lastSeen, readyCondition(node).map(NodeCondition::getStatus).orElse("Unknown"));
  }

  /** The kubelet has missed its grace period: Ready must become Unknown. */
  boolean silentAt(Instant now, Duration grace) {
    return lastSeen == null || !now.isBefore(lastSeen.plus(grace));
  }

  /** How long until the node would count as silent, if it stays so. */
  Duration untilSilent(Instant now, Duration grace) {
    return lastSeen == null ? Duration.ZERO : Duration.between(now, lastSeen.plus(grace));
  }

  static Optional<NodeCondition> readyCondition(Node node) {
    return node.getStatus() == null ? Optional.empty()
        : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static Instant parse(String timestamp) {
    return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
  }
}
