package io.kubeboot.node.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultRunTest {

  @Test
  void aFailureIsPublishedOnlyAfterFailureThresholdAttemptsInARow() {
    ResultRun run = new ResultRun(1, 3);

    assertThat(run.observe(ProbeResult.FAILURE)).isEmpty();
    assertThat(run.observe(ProbeResult.FAILURE)).isEmpty();
    assertThat(run.observe(ProbeResult.FAILURE)).contains(ProbeResult.FAILURE);
    assertThat(run.observe(ProbeResult.FAILURE)).contains(ProbeResult.FAILURE);
  }

  @Test
  void aSuccessInBetweenStartsTheFailureCountAgain() {
    ResultRun run = new ResultRun(1, 2);

    assertThat(run.observe(ProbeResult.FAILURE)).isEmpty();
    assertThat(run.observe(ProbeResult.SUCCESS)).contains(ProbeResult.SUCCESS);
    assertThat(run.observe(ProbeResult.FAILURE)).isEmpty();
    assertThat(run.observe(ProbeResult.FAILURE)).contains(ProbeResult.FAILURE);
  }

  @Test
  void aSuccessNeedsSuccessThresholdAttemptsInARow() {
    ResultRun run = new ResultRun(2, 1);

    assertThat(run.observe(ProbeResult.SUCCESS)).isEmpty();
    assertThat(run.observe(ProbeResult.FAILURE)).contains(ProbeResult.FAILURE);
    assertThat(run.observe(ProbeResult.SUCCESS)).isEmpty();
    assertThat(run.observe(ProbeResult.SUCCESS)).contains(ProbeResult.SUCCESS);
  }
}
