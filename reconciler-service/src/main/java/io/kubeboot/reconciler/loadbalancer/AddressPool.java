package io.kubeboot.reconciler.loadbalancer;

import io.kubeboot.reconciler.net.Ipv4;
import io.kubeboot.reconciler.net.Ipv4Range;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses LoadBalancer Services are given, like a MetalLB address pool: CIDRs
 * ({@code 192.168.10.0/24}), ranges ({@code 172.18.255.200-172.18.255.250}) or single addresses,
 * comma-separated, handed out in the order written. As in MetalLB, every address of a CIDR counts,
 * its network and broadcast addresses too.
 */
final class AddressPool {

  private final String text;
  private final List<Ipv4Range> ranges;

  private AddressPool(String text, List<Ipv4Range> ranges) {
    this.text = text;
    this.ranges = ranges;
  }

  /** Throws IllegalArgumentException with the offending part for anything that is not such a list. */
  static AddressPool parse(String text) {
    List<Ipv4Range> ranges = Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty())
        .map(Ipv4Range::parse).toList();
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("the LoadBalancer address pool is empty");
    }
    return new AddressPool(text, ranges);
  }

  boolean contains(String ip) {
    long address = Ipv4.parseOrNegative(ip);
    return address >= 0 && ranges.stream().anyMatch(range -> range.contains(address));
  }

  /** The first address, in the pool's order, that is not in {@code taken}. */
  Optional<String> firstFree(Set<String> taken) {
    for (Ipv4Range range : ranges) {
      for (long address = range.first(); address <= range.last(); address++) {
        String ip = Ipv4.format(address);
        if (!taken.contains(ip)) {
          return Optional.of(ip);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
