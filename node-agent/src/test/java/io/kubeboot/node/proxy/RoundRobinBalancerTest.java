package io.kubeboot.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinBalancerTest {

  private static final ServiceEndpoint A = new ServiceEndpoint("10.244.1.2", 80);
  private static final ServiceEndpoint B = new ServiceEndpoint("10.244.1.3", 80);
  private static final ServiceEndpoint C = new ServiceEndpoint("10.244.1.4", 80);

  private final MutableClock clock = new MutableClock();

  @Test
  void eachConnectionStartsAtTheNextEndpointAndFallsBackToTheOthersInTurn() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(SessionAffinity.NONE, clock);
    balancer.update(List.of(A, B, C));

    assertThat(balancer.candidates("10.0.0.1")).containsExactly(A, B, C);
    assertThat(balancer.candidates("10.0.0.1")).containsExactly(B, C, A);
    assertThat(balancer.candidates("10.0.0.2")).containsExactly(C, A, B);
    assertThat(balancer.candidates("10.0.0.1")).containsExactly(A, B, C);
  }

  @Test
  void noEndpointsMeansNoCandidates() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(SessionAffinity.NONE, clock);
    balancer.update(List.of(A));
    balancer.update(List.of());

    assertThat(balancer.candidates("10.0.0.1")).isEmpty();
  }

  @Test
  void endpointsReplacedInPlaceKeepTheRotationWithinTheNewList() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(SessionAffinity.NONE, clock);
    balancer.update(List.of(A, B, C));
    balancer.candidates("x");
    balancer.candidates("x");

    balancer.update(List.of(A, B));

    assertThat(balancer.candidates("x")).containsExactly(A, B);
    assertThat(balancer.candidates("x")).containsExactly(B, A);
  }

  @Test
  void clientIpAffinityReturnsAClientToItsEndpointUntilItTimesOut() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(new SessionAffinity(true, Duration.ofSeconds(60)), clock);
    balancer.update(List.of(A, B, C));
    List<ServiceEndpoint> first = balancer.candidates("10.0.0.1");
    balancer.connected("10.0.0.1", first.get(1)); // the first refused, the second answered

    assertThat(balancer.candidates("10.0.0.1")).containsExactly(B, A, C);
    assertThat(balancer.candidates("10.0.0.2").get(0)).isEqualTo(B); // other clients still rotate

    clock.advance(Duration.ofSeconds(61));
    assertThat(balancer.candidates("10.0.0.1").get(0)).isEqualTo(C);
  }

  @Test
  void affinityToAnEndpointThatWentAwayIsDropped() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(new SessionAffinity(true, Duration.ofSeconds(60)), clock);
    balancer.update(List.of(A, B));
    balancer.connected("10.0.0.1", B);

    balancer.update(List.of(A, C));

    assertThat(balancer.candidates("10.0.0.1")).containsExactly(A, C);
  }

  @Test
  void withoutAffinityAnswersAreNotRemembered() {
    RoundRobinBalancer balancer = new RoundRobinBalancer(SessionAffinity.NONE, clock);
    balancer.update(List.of(A, B));
    balancer.connected("10.0.0.1", B);

    assertThat(balancer.candidates("10.0.0.1")).containsExactly(A, B);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
