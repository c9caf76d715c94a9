package io.kubeboot.node.probes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeTimingTest {

  @Test
  void unsetFieldsTakeUpstreamDefaults() {
    ProbeTiming timing = ProbeTiming.of(new ProbeBuilder().withNewTcpSocket().endTcpSocket().build());

    assertThat(timing).isEqualTo(new ProbeTiming(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(1), 1, 3));
  }

  @Test
  void setFieldsAreKept() {
    ProbeTiming timing = ProbeTiming.of(new ProbeBuilder().withInitialDelaySeconds(5).withPeriodSeconds(2)
        .withTimeoutSeconds(3).withSuccessThreshold(2).withFailureThreshold(4).build());

    assertThat(timing).isEqualTo(new ProbeTiming(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(3),
        2, 4));
  }
}
