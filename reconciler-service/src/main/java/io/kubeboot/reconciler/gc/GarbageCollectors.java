package io.kubeboot.reconciler.gc;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import java.util.List;

/**
 * One collector per collected resource over one ownership graph, as upstream collects every
 * resource it can list: anything may own anything, and an object deleted with Orphan or Foreground
 * propagation is finished whatever its kind. Each runs as a controller of its own (a work queue keys
 * objects of one resource), named {@code garbagecollector-<resource>}.
 */
public final class GarbageCollectors {

  private final List<Controller> controllers;

  public GarbageCollectors(KubernetesClient client, Informers informers) {
    OwnershipGraph graph = new OwnershipGraph(client, informers);
    this.controllers = OwnershipGraph.collected().stream()
        .<Controller>map(type -> new GarbageCollector<>(graph, type)).toList();
  }

  public List<Controller> controllers() {
    return controllers;
  }
}
