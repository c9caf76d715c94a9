package io.kubeboot.common.informer;

import static io.kubeboot.common.informer.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeboot.common.ObjectKey;
import org.junit.jupiter.api.Test;

class StoreTest {

  private final Store<Pod> store = new Store<>();

  @Test
  void nodeIndexFollowsPodsAsTheyAreBoundChangedAndDeleted() {
    store.addIndex(Indexes.NODE_NAME, Indexes.nodeName());
    store.put(pod("a", 1, "node-1"));
    store.put(pod("b", 2, "node-1"));
    store.put(pod("pending", 3, null));

    assertThat(names(Indexes.NODE_NAME, "node-1")).containsExactlyInAnyOrder("a", "b");

    store.put(pod("b", 4, "node-2"));
    store.remove(new ObjectKey("default", "a"));

    assertThat(names(Indexes.NODE_NAME, "node-1")).isEmpty();
    assertThat(names(Indexes.NODE_NAME, "node-2")).containsExactly("b");
  }

  @Test
  void anIndexAddedLateFilesWhatIsAlreadyStored() {
    store.put(pod("a", 1, "node-1"));
    store.put(new PodBuilder(pod("b", 2, null)).editMetadata().withNamespace("kube-system")
        .addNewOwnerReference().withUid("rs-1").withKind("ReplicaSet").withName("rs").endOwnerReference()
        .endMetadata().build());

    store.addIndex(Indexes.NAMESPACE, Indexes.namespace());
    store.addIndex(Indexes.OWNER_UID, Indexes.ownerUid());

    assertThat(names(Indexes.NAMESPACE, "default")).containsExactly("a");
    assertThat(names(Indexes.NAMESPACE, "kube-system")).containsExactly("b");
    assertThat(names(Indexes.OWNER_UID, "rs-1")).containsExactly("b");
  }

  @Test
  void askingForAnUnknownIndexIsAnError() {
    assertThatThrownBy(() -> store.byIndex("nope", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  private java.util.List<String> names(String index, String value) {
    return store.byIndex(index, value).stream().map(pod -> pod.getMetadata().getName()).toList();
  }
}
