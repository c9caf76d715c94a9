package io.kubeboot.resources.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentWritesTest {

  private static final ObjectId A = new ObjectId("", "pods", "default", "a");
  private static final ObjectId B = new ObjectId("", "pods", "default", "b");
  private static final ObjectId C = new ObjectId("", "pods", "default", "c");

  @Test
  void keepsTheNewestStateWhicheverWriterFinishesLast() {
    RecentWrites recent = new RecentWrites(100);

    recent.committed(A, 7, "seven");
    recent.committed(A, 5, "five"); // an older write whose request finished later

    assertThat(recent.get(A)).contains("seven");
  }

  @Test
  void forgetsRemovedObjectsAndTheLeastRecentlyWrittenBeyondItsSize() {
    RecentWrites recent = new RecentWrites(10);

    recent.committed(A, 1, "aaaa");
    recent.committed(B, 2, "bbbb");
    recent.committed(A, 3, "AAAA"); // A is now the younger
    recent.committed(C, 4, "cccc"); // 12 characters: B, the eldest, goes
    recent.removed(C);

    assertThat(recent.get(A)).contains("AAAA");
    assertThat(recent.get(B)).isEmpty();
    assertThat(recent.get(C)).isEmpty();
  }
}
