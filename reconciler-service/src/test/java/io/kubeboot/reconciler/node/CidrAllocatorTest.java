package io.kubeboot.reconciler.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrAllocatorTest {

  private final CidrAllocator allocator = new CidrAllocator("10.244.0.0/16", 24);

  @Test
  void givesTheLowestFreeSubnet() {
    assertThat(allocator.next(List.of())).contains("10.244.0.0/24");
    assertThat(allocator.next(List.of("10.244.0.0/24", "10.244.2.0/24"))).contains("10.244.1.0/24");
    assertThat(allocator.next(List.of("10.244.0.0/24", "10.244.1.0/24", "192.168.0.0/24"))).contains("10.244.2.0/24");
  }

  @Test
  void runsOutWhenEverySubnetIsTaken() {
    CidrAllocator small = new CidrAllocator("10.1.2.0/23", 24);
    assertThat(small.next(List.of("10.1.2.0/24", "10.1.3.0/24"))).isEmpty();
  }

  @Test
  void aNodeMaskWiderThanTheClusterIsRefused() {
    assertThatThrownBy(() -> new CidrAllocator("10.244.0.0/16", 12)).isInstanceOf(IllegalArgumentException.class);
  }
}
