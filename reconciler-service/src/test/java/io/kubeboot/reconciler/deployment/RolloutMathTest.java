package io.kubeboot.reconciler.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutMathTest {

  @Test
  void defaultsRoundSurgeUpAndUnavailabilityDown() {
    RolloutMath.Fenceposts fenceposts = RolloutMath.fenceposts(deployment(10, null, null));

    assertThat(fenceposts).isEqualTo(new RolloutMath.Fenceposts(3, 2));
  }

  @Test
  void bothZeroStillAllowsOneUnavailable() {
    RolloutMath.Fenceposts fenceposts = RolloutMath.fenceposts(deployment(4, new IntOrString(0), new IntOrString(0)));

    assertThat(fenceposts).isEqualTo(new RolloutMath.Fenceposts(0, 1));
  }

  @Test
  void newReplicaSetGrowsOnlyWithinTheSurge() {
    Deployment d = deployment(4, null, null);
    ReplicaSet old = rs(4);
    ReplicaSet fresh = rs(0);

    assertThat(RolloutMath.newReplicaSetReplicas(d, List.of(old, fresh), fresh)).isEqualTo(1);
    assertThat(RolloutMath.newReplicaSetReplicas(d, List.of(rs(2), rs(3)), rs(3))).isEqualTo(3);
  }

  @Test
  void aScaleUpWithoutOldReplicaSetsJumpsToTheDesiredCount() {
    ReplicaSet only = rs(1);

    assertThat(RolloutMath.newReplicaSetReplicas(deployment(4, null, null), List.of(only), only)).isEqualTo(4);
  }

  static Deployment deployment(int replicas, IntOrString surge, IntOrString unavailable) {
    return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().withReplicas(replicas)
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(surge)
        .withMaxUnavailable(unavailable).endRollingUpdate().endStrategy().endSpec().build();
  }

  static ReplicaSet rs(int replicas) {
    return new ReplicaSetBuilder().withNewSpec().withReplicas(replicas).endSpec().build();
  }
}
