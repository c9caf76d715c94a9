package io.kubeboot.reconciler.node;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Carves per-node subnets out of the cluster CIDR, as upstream's range allocator: the lowest
 * subnet of the configured size that no node has. IPv4 only. Hand-written because it is a few
 * lines of arithmetic on 32-bit addresses; no library is needed for that.
 */
final class CidrAllocator {

  private final int base;
  private final int clusterPrefix;
  private final int nodePrefix;

  CidrAllocator(String clusterCidr, int nodePrefix) {
    String[] parts = clusterCidr.split("/");
    this.clusterPrefix = Integer.parseInt(parts[1]);
    if (nodePrefix < clusterPrefix || nodePrefix > 30) {
      throw new IllegalArgumentException("node CIDR mask /" + nodePrefix + " does not fit in " + clusterCidr);
    }
    this.nodePrefix = nodePrefix;
    this.base = address(parts[0]) & mask(clusterPrefix);
  }

  /** The first subnet not in {@code taken} (subnets outside the cluster CIDR are ignored), if any is left. */
  Optional<String> next(Collection<String> taken) {
    Set<String> used = new HashSet<>(taken);
    long count = 1L << (nodePrefix - clusterPrefix);
    for (long i = 0; i < count; i++) {
      String candidate = format(base + (int) (i << (32 - nodePrefix))) + "/" + nodePrefix;
      if (!used.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  private static int address(String dotted) {
    int value = 0;
    for (String octet : dotted.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  private static String format(int address) {
    return (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
  }
}
