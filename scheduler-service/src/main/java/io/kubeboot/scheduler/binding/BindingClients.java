package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;

/** The scheduler's writers, sharing one cap on requests in flight. */
public record BindingClients(Binder binder, EventRecorder events, PodConditions conditions) {

  public static BindingClients of(KubernetesClient client, int maxInFlight) {
    ApiRequests api = new ApiRequests(client, maxInFlight);
    return new BindingClients(new Binder(api), new EventRecorder(api, client.getKubernetesSerialization()),
        new PodConditions(api));
  }
}
