package io.kubeboot.reconciler.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictionTest {

  private static final Taint UNREACHABLE = new TaintBuilder().withKey("node.kubernetes.io/unreachable")
      .withEffect("NoExecute").withTimeAdded("2026-11-30T12:00:00Z").build();

  @Test
  void anUntoleratedTaintEvictsAtOnce() {
    assertThat(Eviction.time(List.of(), List.of(UNREACHABLE))).contains(Instant.EPOCH);
  }

  @Test
  void aTimedTolerationEvictsWhenItRunsOutFromWhenTheTaintWasAdded() {
    assertThat(Eviction.time(List.of(toleration(300L), toleration(30L)), List.of(UNREACHABLE)))
        .contains(Instant.parse("2026-11-30T12:00:30Z"));
  }

  @Test
  void aTolerationWithoutSecondsLetsThePodStay() {
    assertThat(Eviction.time(List.of(toleration(null)), List.of(UNREACHABLE))).isEmpty();
  }

  private static Toleration toleration(Long seconds) {
    return new TolerationBuilder().withKey("node.kubernetes.io/unreachable").withOperator("Exists")
        .withEffect("NoExecute").withTolerationSeconds(seconds).build();
  }
}
