package io.kubeboot.reconciler.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.reconciler.loadbalancer.AddressAllocator.Claim;
import io.kubeboot.reconciler.loadbalancer.AddressAllocator.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressAllocatorTest {

  private final AddressAllocator allocator = new AddressAllocator(AddressPool.parse("10.9.0.1-10.9.0.3"));
  private final List<Claim> cache = new ArrayList<>();

  private Claim service(String name, String... ips) {
    Claim claim = new Claim("uid-" + name, "default", name, Instant.parse("2026-01-01T00:00:00Z")
        .plusSeconds(cache.size()), List.of(ips));
    cache.removeIf(c -> c.uid().equals(claim.uid()));
    cache.add(claim);
    return claim;
  }

  private Outcome allocate(Claim claim) {
    return allocator.allocate(claim, null, cache);
  }

  @Test
  void servicesDecidedBeforeTheCacheShowsTheirStatusNeverShareAnAddress() {
    Claim a = service("a");
    Claim b = service("b");

    assertThat(allocate(a)).isEqualTo(Outcome.assigned("10.9.0.1"));
    assertThat(allocate(b)).isEqualTo(Outcome.assigned("10.9.0.2"));
    // a's status write failed (a conflict) and it is looked at again: it gets the same one
    assertThat(allocate(a)).isEqualTo(Outcome.assigned("10.9.0.1"));
  }

  @Test
  void theAddressAServiceShowsIsKeptByANewAllocatorAsAfterARestart() {
    service("a", "10.9.0.2");
    Claim b = service("b");
    AddressAllocator restarted = new AddressAllocator(AddressPool.parse("10.9.0.1-10.9.0.3"));

    assertThat(restarted.allocate(cache.get(0), null, cache)).isEqualTo(Outcome.assigned("10.9.0.2"));
    assertThat(restarted.allocate(b, null, cache)).isEqualTo(Outcome.assigned("10.9.0.1"));
  }

  @Test
  void anExhaustedPoolLeavesTheServicePendingUntilAnAddressIsFreed() {
    service("a", "10.9.0.1");
    service("b", "10.9.0.2");
    service("c", "10.9.0.3");
    Claim d = service("d");

    assertThat(allocate(d).failure()).isEqualTo("Failed to allocate IP for \"default/d\": no available IPs");

    cache.removeIf(c -> c.name().equals("b")); // deleted
    assertThat(allocate(d)).isEqualTo(Outcome.assigned("10.9.0.2"));
  }

  @Test
  void aRequestedAddressIsHonouredOnlyInsideThePoolAndWhenFree() {
    service("a", "10.9.0.1");

    assertThat(allocator.allocate(service("b"), "10.9.0.3", cache)).isEqualTo(Outcome.assigned("10.9.0.3"));
    assertThat(allocator.allocate(service("c"), "10.9.0.1", cache).failure())
        .isEqualTo("Failed to allocate IP for \"default/c\": [\"10.9.0.1\"] is already in use by default/a");
    assertThat(allocator.allocate(service("d"), "192.168.1.1", cache).failure())
        .isEqualTo("Failed to allocate IP for \"default/d\": [\"192.168.1.1\"] is not allowed in config");
    assertThat(allocate(service("e"))).isEqualTo(Outcome.assigned("10.9.0.2"));
  }

  @Test
  void changingTheRequestedAddressMovesTheServiceAndFreesTheOldOne() {
    Claim a = service("a", "10.9.0.1");

    assertThat(allocator.allocate(a, "10.9.0.3", cache)).isEqualTo(Outcome.assigned("10.9.0.3"));
    service("a", "10.9.0.3");
    assertThat(allocate(service("b"))).isEqualTo(Outcome.assigned("10.9.0.1"));
  }

  @Test
  void ofTwoServicesShowingOneAddressTheOlderKeepsItAndTheOtherMoves() {
    Claim older = service("older", "10.9.0.1");
    Claim newer = service("newer", "10.9.0.1");

    assertThat(allocate(newer)).isEqualTo(Outcome.assigned("10.9.0.2"));
    assertThat(allocate(older)).isEqualTo(Outcome.assigned("10.9.0.1"));
  }

  @Test
  void anAddressOutsideThePoolIsReplacedAndNeverCountsAsTaken() {
    Claim a = service("a", "192.168.0.7");

    assertThat(allocate(a)).isEqualTo(Outcome.assigned("10.9.0.1"));
  }

  @Test
  void aReleasedOrDeletedServicesHandOutGoesBackToThePool() {
    Claim a = service("a");
    assertThat(allocate(a)).isEqualTo(Outcome.assigned("10.9.0.1"));
    allocator.release(a.uid()); // it stopped being a LoadBalancer before its status was written

    assertThat(allocate(service("b"))).isEqualTo(Outcome.assigned("10.9.0.1"));
    cache.removeIf(c -> c.name().equals("b")); // deleted before its status was written
    assertThat(allocate(service("c"))).isEqualTo(Outcome.assigned("10.9.0.1"));
  }
}
