package io.kubeboot.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.ObjectKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyRulesTest {

  @Test
  void theChainIsNamedPerNodeAndFitsIptablesLimit() {
    String chain = ProxyRules.chainName("node-1");

    assertThat(chain).matches("KUBEBOOT-SVC-[0-9A-F]{8}").hasSizeLessThanOrEqualTo(28)
        .isEqualTo(ProxyRules.chainName("node-1")).isNotEqualTo(ProxyRules.chainName("node-2"));
  }

  @Test
  void restoreInputReplacesTheChainWithOneDnatPerClusterIpPortFromThePodSubnet() {
    ClusterIpRedirect web = new ClusterIpRedirect(new ServicePortName(new ObjectKey("default", "web"), ""),
        "10.96.0.20", 80, "10.244.1.1", 41234);
    ClusterIpRedirect api = new ClusterIpRedirect(new ServicePortName(new ObjectKey("default", "api"), "https"),
        "10.96.0.10", 443, "10.244.1.1", 40001);

    assertThat(ProxyRules.restoreInput("KUBEBOOT-SVC-0A1B2C3D", "10.244.1.0/24", List.of(web, api))).isEqualTo("""
        *nat
        :KUBEBOOT-SVC-0A1B2C3D - [0:0]
        -A KUBEBOOT-SVC-0A1B2C3D -m comment --comment "default/api:https cluster IP" -s 10.244.1.0/24 \
        -d 10.96.0.10/32 -p tcp -m tcp --dport 443 -j DNAT --to-destination 10.244.1.1:40001
        -A KUBEBOOT-SVC-0A1B2C3D -m comment --comment "default/web: cluster IP" -s 10.244.1.0/24 \
        -d 10.96.0.20/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.244.1.1:41234
        COMMIT
        """);
  }

  @Test
  void withoutServicesTheChainIsEmptiedButKept() {
    assertThat(ProxyRules.restoreInput("KUBEBOOT-SVC-0A1B2C3D", "10.244.1.0/24", List.of()))
        .isEqualTo("*nat\n:KUBEBOOT-SVC-0A1B2C3D - [0:0]\nCOMMIT\n");
  }

  @Test
  void theHookJumpsToTheChainWithAComment() {
    assertThat(ProxyRules.jump("KUBEBOOT-SVC-0A1B2C3D")).containsExactly("-m", "comment", "--comment",
        "kubeboot service portals", "-j", "KUBEBOOT-SVC-0A1B2C3D");
  }
}
