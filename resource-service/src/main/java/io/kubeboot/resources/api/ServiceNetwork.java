package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Service ClusterIP range ({@code kubeboot.services.cidr}, default 10.96.0.0/12 as
 * upstream). Its first address is kept for the {@code kubernetes} Service, its network and
 * broadcast addresses are never handed out.
 */
@ConfigurationProperties("kubeboot.services")
record ServiceNetwork(String cidr) {

  static final int NODE_PORT_MIN = 30000;
  static final int NODE_PORT_MAX = 32767;

  ServiceNetwork {
    cidr = cidr == null || cidr.isBlank() ? "10.96.0.0/12" : cidr;
  }

  boolean contains(String ip) {
    long address = toLong(ip);
    return address > base() && address < base() + size() - 1;
  }

  /** A random usable address, never the first one (the kubernetes Service's). */
  String randomClusterIp() {
    long offset = ThreadLocalRandom.current().nextLong(2, size() - 1);
    return toIp(base() + offset);
  }

  /** The first usable address: upstream gives it to the default {@code kubernetes} Service. */
  String first() {
    return toIp(base() + 1);
  }

  private long base() {
    return toLong(cidr.substring(0, cidr.indexOf('/'))) & ~(size() - 1);
  }

  private long size() {
    return 1L << (32 - Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)));
  }

  private static long toLong(String ip) {
    if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw ApiException.badRequest("invalid IPv4 address: " + ip);
    }
    try {
      // a dotted-quad literal: getByName parses it without any lookup
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      if (bytes.length != 4) {
        throw ApiException.badRequest("only IPv4 service addresses are supported: " + ip);
      }
      return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
    } catch (UnknownHostException e) {
      throw ApiException.badRequest("invalid IP address: " + ip);
    }
  }

  private static String toIp(long value) {
    return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
  }
}
