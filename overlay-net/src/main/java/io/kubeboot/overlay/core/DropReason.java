package io.kubeboot.overlay.core;

/** Why the overlay dropped a packet; the {@code reason} tag of {@code overlay_dropped_packets_total}. */
public enum DropReason {
  /** Read from the TUN device, but no node owns the destination's subnet. */
  NO_ROUTE("no_route"),
  /** Read from the TUN device, but not an IPv4 packet (the overlay carries IPv4 only). */
  NOT_IPV4("not_ipv4"),
  /** A datagram without our header or without one well-formed IPv4 packet in it. */
  MALFORMED("malformed"),
  /** A datagram from an endpoint that is not a node in the route table. */
  UNKNOWN_PEER("unknown_peer"),
  /** A datagram whose packet is not for this node's subnet. */
  FOREIGN_DESTINATION("foreign_destination"),
  /** The underlay send or the TUN write failed. */
  IO_ERROR("io_error");

  private final String tag;

  DropReason(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
