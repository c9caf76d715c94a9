package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code SetDefaults_Pod}: what a Pod gets on top of its pod spec defaults, and that
 * pod templates do not (so a template edit never changes because of them).
 */
final class PodDefaults {

  private PodDefaults() {
  }

  static void apply(Pod pod) {
    if (pod.getSpec() == null) {
      pod.setSpec(new PodSpec());
    }
    PodSpec spec = pod.getSpec();
    PodSpecDefaults.apply(spec);
    requestsFromLimits(spec.getContainers());
    requestsFromLimits(spec.getInitContainers());
    if (spec.getEnableServiceLinks() == null) {
      spec.setEnableServiceLinks(true);
    }
  }

  /** A limit without a request means the request equals the limit. */
  private static void requestsFromLimits(List<Container> containers) {
    for (Container container : Nulls.list(containers)) {
      ResourceRequirements resources = container.getResources();
      if (resources == null || Nulls.map(resources.getLimits()).isEmpty()) {
        continue;
      }
      Map<String, Quantity> requests = new LinkedHashMap<>(Nulls.map(resources.getRequests()));
      resources.getLimits().forEach((name, limit) -> requests.putIfAbsent(name, new Quantity(limit.getAmount(),
          limit.getFormat())));
      resources.setRequests(requests);
    }
  }
}
