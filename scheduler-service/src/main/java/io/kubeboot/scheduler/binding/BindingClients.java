package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;

/** The scheduler's writers, sharing one cap on requests in flight. */
public final class BindingClients implements AutoCloseable {

  private final ApiRequests api;
  private final Binder binder;
  private final EventRecorder events;
  private final PodConditions conditions;

  private BindingClients(ApiRequests api, KubernetesClient client) {
    this.api = api;
    this.binder = new Binder(api);
    this.events = new EventRecorder(api, client.getKubernetesSerialization());
    this.conditions = new PodConditions(api);
  }

  public static BindingClients of(KubernetesClient client, int maxInFlight) {
    return new BindingClients(new ApiRequests(client, maxInFlight), client);
  }

  public Binder binder() {
    return binder;
  }

  public EventRecorder events() {
    return events;
  }

  public PodConditions conditions() {
    return conditions;
  }

  /** Stops taking requests once those already sent have completed (a few seconds at most). */
  @Override
  public void close() throws IOException {
    api.close();
  }
}
