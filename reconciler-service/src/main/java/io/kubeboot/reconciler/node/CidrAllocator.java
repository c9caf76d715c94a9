package io.kubeboot.reconciler.node;

import io.kubeboot.reconciler.net.Ipv4;
import io.kubeboot.reconciler.net.Ipv4Range;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Carves per-node subnets out of the cluster CIDR, as upstream's range allocator: the lowest
 * subnet of the configured size that no node has. IPv4 only.
 */
final class CidrAllocator {

  private final long base;
  private final int clusterPrefix;
  private final int nodePrefix;

  CidrAllocator(String clusterCidr, int nodePrefix) {
    Ipv4Range cluster = Ipv4Range.cidr(clusterCidr);
    this.clusterPrefix = 32 - Long.numberOfTrailingZeros(cluster.size());
    if (nodePrefix < clusterPrefix || nodePrefix > 30) {
      throw new IllegalArgumentException("node CIDR mask /" + nodePrefix + " does not fit in " + clusterCidr);
    }
    this.nodePrefix = nodePrefix;
    this.base = cluster.first();
  }

  /** The first subnet not in {@code taken} (subnets outside the cluster CIDR are ignored), if any is left. */
  Optional<String> next(Collection<String> taken) {
    Set<String> used = new HashSet<>(taken);
    long count = 1L << (nodePrefix - clusterPrefix);
    for (long i = 0; i < count; i++) {
      String candidate = Ipv4.format(base + (i << (32 - nodePrefix))) + "/" + nodePrefix;
      if (!used.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
