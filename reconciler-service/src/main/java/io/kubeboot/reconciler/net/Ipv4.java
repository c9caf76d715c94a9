package io.kubeboot.reconciler.net;

/**
 * IPv4 addresses as unsigned 32-bit numbers held in a {@code long}, for the controllers that hand
 * out addresses (node IPAM, LoadBalancer pools). Hand-written because it is a few lines of
 * arithmetic, and {@link java.net.InetAddress} would resolve anything that is not a literal.
 */
public final class Ipv4 {

  private Ipv4() {
  }

  /** The address of a dotted quad such as {@code 10.244.0.1}; anything else is refused. */
  public static long parse(String dotted) {
    String[] octets = dotted.trim().split("\\.", -1);
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
          || Integer.parseInt(octet) > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + dotted);
      }
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  /** Like {@link #parse}, but -1 for what is not an IPv4 address. */
  public static long parseOrNegative(String dotted) {
    try {
      return dotted == null ? -1 : parse(dotted);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  public static String format(long address) {
    return (address >>> 24 & 255) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
  }
}
