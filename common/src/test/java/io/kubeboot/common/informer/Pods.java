package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeboot.common.event.ResourceEvent;
import java.util.ArrayList;
import java.util.List;

/** Test objects and a handler that records what it was told. */
final class Pods {

  private Pods() {
  }

  static Pod pod(String name, long resourceVersion, String node) {
    return new PodBuilder()
        .withNewMetadata().withNamespace("default").withName(name).withResourceVersion(Long.toString(resourceVersion))
        .withUid("uid-" + name).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("kubeboot/busybox:latest")
        .endContainer().endSpec()
        .build();
  }

  static TypedEvent<Pod> event(ResourceEvent.Type type, String name, long resourceVersion, String node) {
    return new TypedEvent<>(type, pod(name, resourceVersion, node));
  }

  /** Records each call as {@code add name@rv}, {@code update name@rv->rv}, {@code delete name@rv}. */
  static final class Recorder implements ResourceEventHandler<Pod> {
    final List<String> calls = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void onAdd(Pod object) {
      record("add " + describe(object));
    }

    @Override
    public synchronized void onUpdate(Pod old, Pod now) {
      record("update " + describe(old) + "->" + now.getMetadata().getResourceVersion());
    }

    @Override
    public synchronized void onDelete(Pod last) {
      record("delete " + describe(last));
    }

    synchronized List<String> calls() {
      return List.copyOf(calls);
    }

    private void record(String call) {
      calls.add(call);
      threads.add(Thread.currentThread().getName());
    }

    private static String describe(Pod pod) {
      return pod.getMetadata().getName() + "@" + pod.getMetadata().getResourceVersion();
    }
  }
}
