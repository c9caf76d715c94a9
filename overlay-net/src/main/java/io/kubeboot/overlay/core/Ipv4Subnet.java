package io.kubeboot.overlay.core;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 network in CIDR form ({@code 10.244.1.0/24}), held as ints so the packet path compares
 * addresses without allocating.
 */
public record Ipv4Subnet(int network, int prefixLength) {

  public Ipv4Subnet {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    network &= mask(prefixLength);
  }

  /** Parses {@code a.b.c.d/n}; host bits are cleared. */
  public static Ipv4Subnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR: " + cidr);
    }
    try {
      return new Ipv4Subnet(address(cidr.substring(0, slash).trim()),
          Integer.parseInt(cidr.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR: " + cidr, e);
    }
  }

  /** A dotted IPv4 literal as an int; never a DNS look-up. */
  public static int address(String literal) {
    if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("not an IPv4 address: " + literal);
    }
    try {
      return toInt(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv4 address: " + literal, e);
    }
  }

  public static int toInt(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    byte[] b = address.getAddress();
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  public static String format(int address) {
    return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
  }

  static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  public boolean contains(int address) {
    return (address & mask(prefixLength)) == network;
  }

  public boolean contains(Ipv4Subnet other) {
    return other.prefixLength >= prefixLength && contains(other.network);
  }

  @Override
  public String toString() {
    return format(network) + "/" + prefixLength;
  }
}
