package io.kubeboot.node.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The node's nat rules, as text: one chain of the node's own (several node agents may share a
 * host, so the chain is named after a hash of the node name) that DNATs each ClusterIP port to its
 * proxy listener for traffic from this node's pod subnet, jumped to from PREROUTING (pods) and
 * OUTPUT (the host). The chain's content is written whole with {@code iptables-restore --noflush},
 * which replaces that one chain atomically and leaves every other rule alone.
 */
final class ProxyRules {

  static final String TABLE = "nat";
  static final List<String> HOOKED_CHAINS = List.of("PREROUTING", "OUTPUT");

  private ProxyRules() {
  }

  /** {@code KUBEBOOT-SVC-} and 8 hex digits of the node name's SHA-256: within iptables' 28 characters. */
  static String chainName(String nodeName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(nodeName.getBytes(StandardCharsets.UTF_8));
      return "KUBEBOOT-SVC-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jump into {@code chain} from {@code from}, as arguments after {@code -A/-C/-D <from>}. */
  static List<String> jump(String chain) {
    return List.of("-m", "comment", "--comment", "kubeboot service portals", "-j", chain);
  }

  /** {@code iptables-restore} input that replaces the chain's rules with {@code redirects}, in a stable order. */
  static String restoreInput(String chain, String podSubnet, List<ClusterIpRedirect> redirects) {
    StringBuilder text = new StringBuilder("*" + TABLE + "\n:" + chain + " - [0:0]\n");
    redirects.stream().sorted(Comparator.comparing((ClusterIpRedirect r) -> r.service().toString()))
        .forEach(r -> text.append("-A ").append(chain)
            .append(" -m comment --comment \"").append(r.service()).append(" cluster IP\"")
            .append(" -s ").append(podSubnet)
            .append(" -d ").append(r.clusterIp()).append("/32")
            .append(" -p tcp -m tcp --dport ").append(r.port())
            .append(" -j DNAT --to-destination ").append(r.proxyIp()).append(':').append(r.proxyPort())
            .append('\n'));
    return text.append("COMMIT\n").toString();
  }
}
