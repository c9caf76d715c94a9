package io.kubeboot.common.informer;

import static io.kubeboot.common.informer.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ResourceEventHandlerTest {

  @Test
  void enqueueingHandlerOnlyQueuesTheObjectsKey() throws Exception {
    WorkQueue<ObjectKey> queue = new WorkQueue<>("pods", new SimpleMeterRegistry());
    ResourceEventHandler<Pod> handler = ResourceEventHandler.enqueueing(queue);

    handler.onAdd(pod("a", 1, null));
    handler.onUpdate(pod("a", 1, null), pod("a", 2, null));
    handler.onDelete(pod("b", 3, null));

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo(new ObjectKey("default", "a"));
    assertThat(queue.take()).isEqualTo(new ObjectKey("default", "b"));
  }
}
