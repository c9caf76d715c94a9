package io.kubeboot.common.informer;

import static io.kubeboot.common.event.ResourceEvent.Type.ADDED;
import static io.kubeboot.common.event.ResourceEvent.Type.DELETED;
import static io.kubeboot.common.event.ResourceEvent.Type.MODIFIED;
import static io.kubeboot.common.informer.Pods.event;
import static io.kubeboot.common.informer.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version fences alone, without Kafka: whatever order and repetition, the cache converges. */
class CacheUpdaterTest {

  private final Store<Pod> store = new Store<>();
  private final Pods.Recorder handler = new Pods.Recorder();
  private final CacheUpdater<Pod> updater = new CacheUpdater<>(Pod.class, store, List.of(handler));

  @Test
  void firstListAddsEveryObject() {
    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, null)), 10));

    assertThat(store.list()).hasSize(2);
    assertThat(handler.calls()).containsExactlyInAnyOrder("add a@3", "add b@5");
  }

  @Test
  void eventsAtOrBelowTheListVersionAreAlreadyInTheList() {
    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 3, null)), 10));

    assertThat(updater.apply(event(MODIFIED, "a", 7, null))).isFalse();
    assertThat(updater.apply(event(ADDED, "gone", 9, null))).isFalse();
    assertThat(updater.apply(event(MODIFIED, "a", 10, null))).isFalse();
    assertThat(updater.apply(event(MODIFIED, "a", 11, "node-1"))).isTrue();

    assertThat(store.get(new ObjectKey("default", "a")).orElseThrow().getSpec().getNodeName()).isEqualTo("node-1");
    assertThat(handler.calls()).containsExactly("add a@3", "update a@3->11");
  }

  @Test
  void duplicatesAndOlderVersionsOfAnObjectAreSkipped() {
    updater.replace(new Lister.Snapshot<>(List.of(), 1));

    assertThat(updater.apply(event(ADDED, "a", 2, null))).isTrue();
    assertThat(updater.apply(event(MODIFIED, "a", 4, null))).isTrue();
    assertThat(updater.apply(event(MODIFIED, "a", 4, null))).as("duplicate").isFalse();
    assertThat(updater.apply(event(MODIFIED, "a", 3, null))).as("older").isFalse();

    assertThat(store.get(new ObjectKey("default", "a")).orElseThrow().getMetadata().getResourceVersion()).isEqualTo("4");
    assertThat(handler.calls()).containsExactly("add a@2", "update a@2->4");
  }

  @Test
  void aReplayedPastDoesNotBringADeletedObjectBack() {
    updater.replace(new Lister.Snapshot<>(List.of(), 1));
    updater.apply(event(ADDED, "a", 2, null));
    updater.apply(event(DELETED, "a", 5, null));

    // the outbox relay crashed and published the same stretch again
    assertThat(updater.apply(event(ADDED, "a", 2, null))).isFalse();
    assertThat(updater.apply(event(DELETED, "a", 5, null))).isFalse();
    assertThat(updater.apply(event(ADDED, "a", 8, null))).as("re-created later").isTrue();

    assertThat(handler.calls()).containsExactly("add a@2", "delete a@2", "add a@8");
  }

  @Test
  void aDeleteOfAnObjectNeverSeenIsRememberedButNotReported() {
    updater.replace(new Lister.Snapshot<>(List.of(), 1));

    assertThat(updater.apply(event(DELETED, "a", 5, null))).isTrue();
    assertThat(updater.apply(event(MODIFIED, "a", 4, null))).isFalse();

    assertThat(handler.calls()).isEmpty();
  }

  @Test
  void reListDeletesWhatItNoLongerHasAndUpdatesWhatChanged() {
    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, null), pod("c", 6, null)), 10));

    // b's delete and a's update were lost on the way
    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 12, "node-1"), pod("c", 6, null)), 20));

    assertThat(store.keys()).containsExactlyInAnyOrder(new ObjectKey("default", "a"), new ObjectKey("default", "c"));
    assertThat(handler.calls()).containsExactly(
        "add a@3", "add b@5", "add c@6", "update a@3->12", "update c@6->6", "delete b@5");
  }

  @Test
  void reListKeepsWhatTheTopicBroughtAfterTheListWasServed() {
    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, null)), 10));
    updater.apply(event(ADDED, "new", 21, null));     // created after the list below
    updater.apply(event(MODIFIED, "a", 22, "node-1")); // changed after it
    updater.apply(event(DELETED, "b", 23, null));     // deleted after it

    updater.replace(new Lister.Snapshot<>(List.of(pod("a", 3, null), pod("b", 5, null)), 20));

    assertThat(store.keys()).containsExactlyInAnyOrder(new ObjectKey("default", "a"), new ObjectKey("default", "new"));
    assertThat(store.get(new ObjectKey("default", "a")).orElseThrow().getMetadata().getResourceVersion()).isEqualTo("22");
  }
}
