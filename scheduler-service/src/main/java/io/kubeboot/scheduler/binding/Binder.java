package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/** Binds pods through the {@code pods/binding} subresource, as kube-scheduler's DefaultBinder. */
public final class Binder {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiRequests api;

  Binder(ApiRequests api) {
    this.api = api;
  }

  /** Completes with the outcome; never exceptionally. A 409 means the pod is bound already (or going away). */
  public CompletableFuture<BindOutcome> bind(Pod pod, String node) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    String body = JSON.writeValueAsString(Map.of(
        "apiVersion", "v1", "kind", "Binding",
        "metadata", Map.of("name", name, "namespace", namespace, "uid", pod.getMetadata().getUid()),
        "target", Map.of("apiVersion", "v1", "kind", "Node", "name", node)));
    return api.send("POST", "/api/v1/namespaces/" + namespace + "/pods/" + name + "/binding", "application/json", body)
        .<BindOutcome>thenApply(response -> response.isSuccess() ? new BindOutcome.Bound()
            : new BindOutcome.Failed(response.code(), response.body()))
        .exceptionally(failure -> new BindOutcome.Failed(0, String.valueOf(failure)));
  }
}
