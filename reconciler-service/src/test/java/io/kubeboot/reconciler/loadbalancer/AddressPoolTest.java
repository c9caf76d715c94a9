package io.kubeboot.reconciler.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPoolTest {

  @Test
  void aRangeHoldsItsEndsAndWhatLiesBetween() {
    AddressPool pool = AddressPool.parse("172.18.255.200-172.18.255.202");

    assertThat(pool.contains("172.18.255.200")).isTrue();
    assertThat(pool.contains("172.18.255.202")).isTrue();
    assertThat(pool.contains("172.18.255.203")).isFalse();
    assertThat(pool.contains("172.18.255.199")).isFalse();
    assertThat(pool.firstFree(Set.of())).contains("172.18.255.200");
    assertThat(pool.firstFree(Set.of("172.18.255.200"))).contains("172.18.255.201");
    assertThat(pool.firstFree(Set.of("172.18.255.200", "172.18.255.201", "172.18.255.202"))).isEmpty();
  }

  @Test
  void aCidrCountsEveryAddressOfItsNetworkLikeMetalLb() {
    AddressPool pool = AddressPool.parse("10.1.2.7/30");

    assertThat(pool.firstFree(Set.of())).contains("10.1.2.4");
    assertThat(pool.contains("10.1.2.7")).isTrue();
    assertThat(pool.contains("10.1.2.8")).isFalse();
    assertThat(pool.firstFree(Set.of("10.1.2.4", "10.1.2.5", "10.1.2.6"))).contains("10.1.2.7");
  }

  @Test
  void severalPartsAreHandedOutInTheOrderWritten() {
    AddressPool pool = AddressPool.parse("192.168.9.9, 10.0.0.1-10.0.0.2 ,10.0.0.128/32");

    assertThat(pool.firstFree(Set.of())).contains("192.168.9.9");
    assertThat(pool.firstFree(Set.of("192.168.9.9", "10.0.0.1", "10.0.0.2"))).contains("10.0.0.128");
    assertThat(pool.contains("10.0.0.3")).isFalse();
  }

  @Test
  void whatIsNotAnAddressIsNeverInThePool() {
    AddressPool pool = AddressPool.parse("0.0.0.0/0");

    assertThat(pool.contains("255.255.255.255")).isTrue();
    assertThat(pool.contains("example.com")).isFalse();
    assertThat(pool.contains("1.2.3")).isFalse();
    assertThat(pool.contains("1.2.3.256")).isFalse();
    assertThat(pool.contains(null)).isFalse();
  }

  @Test
  void malformedPoolsAreRefused() {
    assertThatThrownBy(() -> AddressPool.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> AddressPool.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> AddressPool.parse("10.0.0.0/33")).hasMessageContaining("not an IPv4 CIDR");
    assertThatThrownBy(() -> AddressPool.parse("10.0.0.300")).hasMessageContaining("not an IPv4 address");
    assertThatThrownBy(() -> AddressPool.parse("fd00::/64")).isInstanceOf(IllegalArgumentException.class);
  }
}
