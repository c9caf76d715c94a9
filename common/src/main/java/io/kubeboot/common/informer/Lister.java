package io.kubeboot.common.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Lists every object of one resource, with the resourceVersion the list was served at. */
@FunctionalInterface
public interface Lister<T extends HasMetadata> {

  Snapshot<T> list();

  /** The objects as of {@code resourceVersion}: nothing at or below it is missing from them. */
  record Snapshot<T>(List<T> items, long resourceVersion) {
    public Snapshot {
      items = List.copyOf(items);
    }
  }

  /** Lists through the Kubernetes API, in all namespaces. */
  static <T extends HasMetadata> Lister<T> fromApi(KubernetesClient client, Class<T> type) {
    return () -> {
      KubernetesResourceList<T> list = client.resources(type).inAnyNamespace().list();
      return new Snapshot<>(list.getItems(), Long.parseLong(list.getMetadata().getResourceVersion()));
    };
  }
}
