package io.kubeboot.reconciler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  private static final ObjectKey OWNER = new ObjectKey("default", "web-abc");

  private final Expectations expectations = new Expectations();
  private final ResourceEventHandler<Pod> observer = expectations.observer("ReplicaSet");

  @Test
  void aDeletionCountsOnceWhetherThePodIsFirstMarkedOrRemovedAtOnce() {
    Pod graceful = pod("web-abc-1");
    Pod immediate = pod("web-abc-2");
    expectations.expect(OWNER, 0, List.of(graceful, immediate));

    observer.onUpdate(graceful, terminating(graceful));
    observer.onUpdate(terminating(graceful), terminating(graceful)); // a later status write of the same pod
    assertThat(expectations.satisfied(OWNER)).isFalse();

    observer.onDelete(terminating(immediate)); // deleted at once, its last state already marked
    assertThat(expectations.satisfied(OWNER)).isTrue();
  }

  @Test
  void onlyTheExpectedPodsCount() {
    expectations.expect(OWNER, 0, List.of(pod("web-abc-1")));

    observer.onDelete(pod("web-abc-9"));

    assertThat(expectations.satisfied(OWNER)).isFalse();
  }

  @Test
  void aPodFoundGoneCountsAsObserved() {
    Pod gone = pod("web-abc-1");
    expectations.expect(OWNER, 1, List.of(gone));

    expectations.deletionObserved(OWNER, gone);
    observer.onAdd(pod("web-abc-3"));

    assertThat(expectations.satisfied(OWNER)).isTrue();
  }

  private static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withNamespace("default").withName(name).addNewOwnerReference()
        .withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-abc").withUid("u1").withController(true)
        .endOwnerReference().endMetadata().build();
  }

  private static Pod terminating(Pod pod) {
    return new PodBuilder(pod).editMetadata().withDeletionTimestamp("2026-11-30T12:00:00Z").endMetadata().build();
  }
}
