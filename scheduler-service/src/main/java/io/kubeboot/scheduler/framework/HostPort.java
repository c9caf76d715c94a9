package io.kubeboot.scheduler.framework;

/** A port a pod takes on its node's addresses; {@code 0.0.0.0} stands for all of them. */
public record HostPort(String protocol, String hostIp, int port) {

  public static final String ALL_ADDRESSES = "0.0.0.0";

  public HostPort {
    protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
    hostIp = hostIp == null || hostIp.isEmpty() ? ALL_ADDRESSES : hostIp;
  }

  /** Two pods cannot both hold the same port and protocol on overlapping addresses. */
  public boolean conflictsWith(HostPort other) {
    return port == other.port && protocol.equals(other.protocol)
        && (hostIp.equals(other.hostIp) || hostIp.equals(ALL_ADDRESSES) || other.hostIp.equals(ALL_ADDRESSES));
  }
}
