package io.kubeboot.overlay.core;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The overlay's routes: each remote node's pod subnet and the underlay endpoint (address and UDP
 * port) of that node. Written by whoever follows the nodes (the Node informer, a peers file), read
 * by the packet loops on every packet: a write builds a new immutable snapshot, so reads take no
 * lock. Only subnets inside the cluster CIDR and apart from the local subnet are accepted.
 */
public final class RouteTable {

  private final Ipv4Subnet clusterCidr;
  private final Ipv4Subnet localSubnet;
  private volatile Snapshot snapshot = Snapshot.of(Map.of());

  public RouteTable(Ipv4Subnet clusterCidr, Ipv4Subnet localSubnet) {
    if (!clusterCidr.contains(localSubnet)) {
      throw new IllegalArgumentException("local subnet " + localSubnet + " is outside the cluster CIDR " + clusterCidr);
    }
    this.clusterCidr = clusterCidr;
    this.localSubnet = localSubnet;
  }

  public Ipv4Subnet clusterCidr() {
    return clusterCidr;
  }

  public Ipv4Subnet localSubnet() {
    return localSubnet;
  }

  /** Whether {@code subnet} may be routed to a peer: inside the cluster CIDR, not overlapping ours. */
  public boolean acceptable(Ipv4Subnet subnet) {
    return clusterCidr.contains(subnet) && !subnet.contains(localSubnet) && !localSubnet.contains(subnet);
  }

  /** Replaces every route; unacceptable subnets are left out. */
  public synchronized void replaceAll(Map<Ipv4Subnet, InetSocketAddress> routes) {
    Map<Ipv4Subnet, InetSocketAddress> accepted = new LinkedHashMap<>();
    routes.forEach((subnet, endpoint) -> {
      if (acceptable(subnet)) {
        accepted.put(subnet, endpoint);
      }
    });
    snapshot = Snapshot.of(accepted);
  }

  /** Adds or moves one route; returns false (and changes nothing) if the subnet is unacceptable. */
  public synchronized boolean put(Ipv4Subnet subnet, InetSocketAddress endpoint) {
    if (!acceptable(subnet)) {
      return false;
    }
    Map<Ipv4Subnet, InetSocketAddress> routes = new LinkedHashMap<>(snapshot.routes);
    routes.put(subnet, endpoint);
    snapshot = Snapshot.of(routes);
    return true;
  }

  public synchronized void remove(Ipv4Subnet subnet) {
    Map<Ipv4Subnet, InetSocketAddress> routes = new LinkedHashMap<>(snapshot.routes);
    if (routes.remove(subnet) != null) {
      snapshot = Snapshot.of(routes);
    }
  }

  /** The endpoint of the node owning {@code destination}, or null: longest prefix first. */
  public InetSocketAddress lookup(int destination) {
    Snapshot current = snapshot;
    for (int prefixLength : current.prefixLengths) {
      InetSocketAddress endpoint = current.byNetwork.get(key(destination & Ipv4Subnet.mask(prefixLength), prefixLength));
      if (endpoint != null) {
        return endpoint;
      }
    }
    return null;
  }

  /** Whether datagrams from {@code sender} come from a node in the table. */
  public boolean isPeer(InetSocketAddress sender) {
    return snapshot.endpoints.contains(sender);
  }

  /** Number of distinct peers (underlay endpoints) known. */
  public int peerCount() {
    return snapshot.endpoints.size();
  }

  public Map<Ipv4Subnet, InetSocketAddress> routes() {
    return snapshot.routes;
  }

  private static long key(int network, int prefixLength) {
    return (long) prefixLength << 32 | (network & 0xffffffffL);
  }

  private record Snapshot(Map<Ipv4Subnet, InetSocketAddress> routes, int[] prefixLengths,
      Map<Long, InetSocketAddress> byNetwork, Set<InetSocketAddress> endpoints) {

    static Snapshot of(Map<Ipv4Subnet, InetSocketAddress> routes) {
      Map<Long, InetSocketAddress> byNetwork = new HashMap<>();
      TreeSet<Integer> lengths = new TreeSet<>();
      routes.forEach((subnet, endpoint) -> {
        byNetwork.put(key(subnet.network(), subnet.prefixLength()), endpoint);
        lengths.add(subnet.prefixLength());
      });
      return new Snapshot(Map.copyOf(routes), lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray(),
          byNetwork, Set.copyOf(new HashSet<>(routes.values())));
    }
  }
}
