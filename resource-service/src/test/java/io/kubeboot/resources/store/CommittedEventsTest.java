package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stretches of the log this replica's batches hold in memory, and which they do not. */
class CommittedEventsTest {

  final CommittedEvents events = new CommittedEvents(100);

  @Test
  void batchesWithNoRevisionBetweenThemAreReadAsOneStretch() {
    events.committed(10, 12, List.of(event(10), event(11), event(12)));
    events.committed(13, 14, List.of(event(13), event(14)));

    assertThat(revisions(events.after(9, 100).orElseThrow())).containsExactly(10L, 11L, 12L, 13L, 14L);
    assertThat(revisions(events.after(11, 100).orElseThrow())).containsExactly(12L, 13L, 14L);
    assertThat(revisions(events.after(9, 4).orElseThrow())).containsExactly(10L, 11L, 12L, 13L);
  }

  @Test
  void anotherReplicasRevisionsBetweenBatchesEndTheStretch() {
    events.committed(10, 11, List.of(event(10), event(11)));
    // revisions 12 and 13 went to another replica
    events.committed(14, 14, List.of(event(14)));

    assertThat(revisions(events.after(9, 100).orElseThrow())).containsExactly(10L, 11L);
    assertThat(events.after(11, 100)).as("12 is not held here").isEmpty();
    assertThat(revisions(events.after(13, 100).orElseThrow())).containsExactly(14L);
  }

  @Test
  void revisionsUsedWithoutAnEventAreHeldToo() {
    // 21 went to a write that logs no event (an allocation), 22 was refused and unused inside the batch
    events.committed(20, 23, List.of(event(20), event(23)));
    events.committed(24, 24, List.of());
    events.committed(25, 25, List.of(event(25)));

    assertThat(revisions(events.after(20, 100).orElseThrow())).containsExactly(23L, 25L);
    assertThat(revisions(events.after(23, 100).orElseThrow())).containsExactly(25L);
  }

  @Test
  void nothingIsHeldBeforeTheOldestBatchOrAfterTheNewest() {
    events.committed(10, 11, List.of(event(10), event(11)));

    assertThat(events.after(8, 100)).isEmpty();
    assertThat(events.after(11, 100)).isEmpty();
    assertThat(events.after(40, 100)).isEmpty();
  }

  @Test
  void theOldestBatchesGoBeyondTheLimitOfEvents() {
    CommittedEvents small = new CommittedEvents(3);
    small.committed(1, 2, List.of(event(1), event(2)));
    small.committed(3, 4, List.of(event(3), event(4)));

    assertThat(small.after(0, 100)).isEmpty();
    assertThat(revisions(small.after(2, 100).orElseThrow())).containsExactly(3L, 4L);
  }

  private static StoredEvent event(long revision) {
    return new StoredEvent(revision, "", "configmaps", "default", "cm-" + revision, "ADDED", "{}", null);
  }

  private static List<Long> revisions(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::revision).toList();
  }
}
