package io.kubeboot.reconciler.net;

/**
 * A contiguous run of IPv4 addresses, {@code first} to {@code last} inclusive, written as a CIDR
 * ({@code 10.0.0.0/28}), a range ({@code 172.18.255.200-172.18.255.250}) or one address.
 */
public record Ipv4Range(long first, long last) {

  public Ipv4Range {
    if (first < 0 || last > 0xffffffffL || first > last) {
      throw new IllegalArgumentException("not an IPv4 range: " + Ipv4.format(first) + "-" + Ipv4.format(last));
    }
  }

  public static Ipv4Range parse(String text) {
    String trimmed = text.trim();
    int dash = trimmed.indexOf('-');
    if (dash >= 0) {
      long first = Ipv4.parse(trimmed.substring(0, dash));
      long last = Ipv4.parse(trimmed.substring(dash + 1));
      if (first > last) {
        throw new IllegalArgumentException("range " + text + " ends before it starts");
      }
      return new Ipv4Range(first, last);
    }
    return trimmed.contains("/") ? cidr(trimmed) : new Ipv4Range(Ipv4.parse(trimmed), Ipv4.parse(trimmed));
  }

  /** The whole network of {@code a.b.c.d/prefix}, whatever host bits the address has. */
  public static Ipv4Range cidr(String cidr) {
    String[] parts = cidr.trim().split("/", -1);
    if (parts.length != 2 || parts[1].isEmpty() || parts[1].length() > 2
        || !parts[1].chars().allMatch(Character::isDigit) || Integer.parseInt(parts[1]) > 32) {
      throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr);
    }
    long size = 1L << (32 - Integer.parseInt(parts[1]));
    long first = Ipv4.parse(parts[0]) & ~(size - 1) & 0xffffffffL;
    return new Ipv4Range(first, first + size - 1);
  }

  public boolean contains(long address) {
    return address >= first && address <= last;
  }

  public long size() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return Ipv4.format(first) + "-" + Ipv4.format(last);
  }
}
