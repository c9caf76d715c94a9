package io.kubeboot.overlay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private static final InetSocketAddress NODE_2 = new InetSocketAddress("192.168.1.2", 8285);
  private static final InetSocketAddress NODE_3 = new InetSocketAddress("192.168.1.3", 8285);

  private final RouteTable routes = new RouteTable(Ipv4Subnet.parse("10.244.0.0/16"), Ipv4Subnet.parse("10.244.1.0/24"));

  @Test
  void looksUpTheNodeOwningTheDestinationsSubnet() {
    routes.replaceAll(Map.of(Ipv4Subnet.parse("10.244.2.0/24"), NODE_2, Ipv4Subnet.parse("10.244.3.0/24"), NODE_3));

    assertThat(routes.lookup(Ipv4Subnet.address("10.244.2.17"))).isEqualTo(NODE_2);
    assertThat(routes.lookup(Ipv4Subnet.address("10.244.3.255"))).isEqualTo(NODE_3);
    assertThat(routes.lookup(Ipv4Subnet.address("10.244.4.1"))).isNull();
    assertThat(routes.peerCount()).isEqualTo(2);
  }

  @Test
  void theLongestPrefixWins() {
    routes.put(Ipv4Subnet.parse("10.244.8.0/21"), NODE_2);
    routes.put(Ipv4Subnet.parse("10.244.9.0/24"), NODE_3);

    assertThat(routes.lookup(Ipv4Subnet.address("10.244.9.1"))).isEqualTo(NODE_3);
    assertThat(routes.lookup(Ipv4Subnet.address("10.244.10.1"))).isEqualTo(NODE_2);
  }

  @Test
  void aRemovedSubnetIsNoLongerRoutedAndItsNodeNoLongerAPeer() {
    routes.put(Ipv4Subnet.parse("10.244.2.0/24"), NODE_2);
    routes.put(Ipv4Subnet.parse("10.244.3.0/24"), NODE_3);

    routes.remove(Ipv4Subnet.parse("10.244.3.0/24"));

    assertThat(routes.lookup(Ipv4Subnet.address("10.244.3.1"))).isNull();
    assertThat(routes.isPeer(NODE_3)).isFalse();
    assertThat(routes.isPeer(NODE_2)).isTrue();
  }

  @Test
  void subnetsOutsideTheClusterOrOverlappingTheLocalOneAreRefused() {
    assertThat(routes.put(Ipv4Subnet.parse("10.245.2.0/24"), NODE_2)).isFalse();
    assertThat(routes.put(Ipv4Subnet.parse("10.244.1.0/24"), NODE_2)).isFalse();
    assertThat(routes.put(Ipv4Subnet.parse("10.244.0.0/20"), NODE_2)).isFalse();
    assertThat(routes.peerCount()).isZero();
    assertThatThrownBy(() -> new RouteTable(Ipv4Subnet.parse("10.244.0.0/16"), Ipv4Subnet.parse("10.9.1.0/24")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subnetsAreParsedWithTheirHostBitsCleared() {
    assertThat(Ipv4Subnet.parse("10.244.1.7/24")).hasToString("10.244.1.0/24");
    assertThat(Ipv4Subnet.parse("0.0.0.0/0").contains(Ipv4Subnet.address("255.1.2.3"))).isTrue();
    assertThatThrownBy(() -> Ipv4Subnet.parse("node-1/24")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ipv4Subnet.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
  }
}
