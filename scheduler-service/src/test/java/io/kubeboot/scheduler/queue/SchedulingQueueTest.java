package io.kubeboot.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.ObjectKey;
import io.kubeboot.scheduler.queue.SchedulingQueue.Place;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final SchedulingQueue queue = new SchedulingQueue(now::get);
  private final ObjectKey pod = new ObjectKey("default", "p");

  private Optional<ObjectKey> popNow() throws InterruptedException {
    return queue.pop(Duration.ZERO);
  }

  @Test
  void podsComeOutInOrderOnceEach() throws Exception {
    ObjectKey other = new ObjectKey("default", "q");
    queue.add(pod);
    queue.add(other);
    queue.add(pod);

    assertThat(popNow()).contains(pod);
    assertThat(popNow()).contains(other);
    assertThat(popNow()).isEmpty();
  }

  @Test
  void unschedulablePodWaitsForAClusterChangeAndItsBackoff() throws Exception {
    queue.add(pod);
    popNow();
    queue.unschedulable(pod);
    assertThat(queue.placeOf(pod)).contains(Place.UNSCHEDULABLE);

    queue.moveAllToActiveOrBackoff();
    assertThat(queue.placeOf(pod)).contains(Place.BACKOFF);
    assertThat(popNow()).isEmpty();

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(popNow()).contains(pod);
  }

  @Test
  void aChangeDuringTheAttemptSendsThePodToBackoffNotUnschedulable() throws Exception {
    queue.add(pod);
    popNow();
    queue.moveAllToActiveOrBackoff(); // e.g. a node was added while the pod was being filtered
    queue.unschedulable(pod);

    assertThat(queue.placeOf(pod)).contains(Place.BACKOFF);
  }

  @Test
  void backoffDoublesUpToTenSeconds() {
    assertThat(SchedulingQueue.backoffNanos(1)).isEqualTo(Duration.ofSeconds(1).toNanos());
    assertThat(SchedulingQueue.backoffNanos(3)).isEqualTo(Duration.ofSeconds(4).toNanos());
    assertThat(SchedulingQueue.backoffNanos(20)).isEqualTo(Duration.ofSeconds(10).toNanos());
  }

  @Test
  void deletedPodsAreNotPopped() throws Exception {
    queue.add(pod);
    queue.delete(pod);
    queue.add(pod);
    queue.delete(pod);

    assertThat(popNow()).isEmpty();
  }

  @Test
  void leftoverUnschedulablePodsAreRetriedAfterFiveMinutes() throws Exception {
    queue.add(pod);
    popNow();
    queue.unschedulable(pod);

    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(popNow()).contains(pod);
  }
}
