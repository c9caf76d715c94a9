package io.kubeboot.overlay.tun;

import io.kubeboot.overlay.core.Ipv4Subnet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's netfilter rules that let pod-to-pod traffic cross the overlay untouched, as flannel
 * installs with its {@code --ip-masq} and forward rules: the cluster CIDR is accepted in
 * {@code FORWARD} (Docker's bridge networks otherwise drop new connections that arrive from
 * another interface, here the TUN device), and traffic between cluster addresses is exempt from
 * the {@code MASQUERADE} that Docker applies to everything leaving a pod bridge, so a pod sees the
 * other pod's own address. Each rule is inserted first and only once, and removed on close.
 */
public final class ClusterTrafficRules implements AutoCloseable {

  private static final String COMMENT = "kubeboot overlay";

  private final List<List<String>> rules;

  private ClusterTrafficRules(Ipv4Subnet clusterCidr) {
    String cidr = clusterCidr.toString();
    this.rules = List.of(
        List.of("filter", "FORWARD", "-s", cidr, "-j", "ACCEPT"),
        List.of("filter", "FORWARD", "-d", cidr, "-j", "ACCEPT"),
        List.of("nat", "POSTROUTING", "-s", cidr, "-d", cidr, "-j", "RETURN"));
  }

  public static ClusterTrafficRules install(Ipv4Subnet clusterCidr) throws IOException {
    ClusterTrafficRules installed = new ClusterTrafficRules(clusterCidr);
    for (List<String> rule : installed.rules) {
      if (HostCommand.exitCode(iptables("-C", rule)) != 0) {
        HostCommand.require(iptables("-I", rule));
      }
    }
    return installed;
  }

  /** Removes every copy of each rule; what is already gone is fine. */
  @Override
  public void close() {
    for (List<String> rule : rules) {
      try {
        while (HostCommand.exitCode(iptables("-D", rule)) == 0) {
          // a copy left by a daemon that was killed goes too
        }
      } catch (IOException e) {
        // best effort: a leftover accept rule for the cluster CIDR does no harm
      }
    }
  }

  /** {@code iptables -w -t TABLE OPERATION CHAIN [1] MATCH... -m comment ...}: inserts go first. */
  private static List<String> iptables(String operation, List<String> rule) {
    List<String> command = new ArrayList<>(List.of("iptables", "-w", "10", "-t", rule.get(0), operation, rule.get(1)));
    if (operation.equals("-I")) {
      command.add("1");
    }
    command.addAll(rule.subList(2, rule.size() - 2));
    command.addAll(List.of("-m", "comment", "--comment", COMMENT));
    command.addAll(rule.subList(rule.size() - 2, rule.size()));
    return command;
  }
}
