package io.kubeboot.reconciler.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Upstream's namespace controller: a namespace being deleted is emptied of every namespaced kind
 * the API serves, and once nothing is left (pods on nodes go only when their kubelet has stopped
 * them) its {@code kubernetes} finalizer is taken off through {@code /finalize}, upon which the
 * API removes it.
 */
public final class NamespaceController implements Controller {

  static final String FINALIZER = "kubernetes";
  private static final Duration CONTENT_REMAINING = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final ResourceInformer<Namespace> namespaces;
  private final List<ResourceType> contents = ResourceRegistry.standard().all().stream()
      .filter(ResourceType::namespaced).toList();

  public NamespaceController(KubernetesClient client, Informers informers) {
    this.client = client;
    this.namespaces = informers.of(Namespace.class);
  }

  @Override
  public String name() {
    return "namespace";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    namespaces.addEventHandler(ResourceEventHandler.enqueueing(queue));
  }

  @Override
  public Result reconcile(ObjectKey key) throws Exception {
    Optional<Namespace> cached = namespaces.get(key);
    if (cached.isEmpty() || cached.get().getMetadata().getDeletionTimestamp() == null
        || cached.get().getSpec() == null || !cached.get().getSpec().getFinalizers().contains(FINALIZER)) {
      return Result.done();
    }
    String name = key.name();
    boolean remaining = false;
    for (ResourceType type : contents) {
      var objects = client.resources(type.type()).inNamespace(name);
      if (!objects.list().getItems().isEmpty()) {
        objects.delete();
        remaining = true;
      }
    }
    if (remaining) {
      return Result.requeueAfter(CONTENT_REMAINING); // look again: graceful deletions take their time
    }
    finalize(cached.get());
    return Result.done();
  }

  /** PUT of {@code /finalize} without our finalizer; fabric8 has no call for that subresource. */
  private void finalize(Namespace namespace) throws Exception {
    Namespace finalized = new NamespaceBuilder(namespace).editSpec()
        .withFinalizers(namespace.getSpec().getFinalizers().stream().filter(f -> !FINALIZER.equals(f)).toList())
        .endSpec().build();
    String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/"
        + namespace.getMetadata().getName() + "/finalize";
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(url)
        .put("application/json", client.getKubernetesSerialization().asJson(finalized)).build();
    HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
    if (response.code() != 404 && !response.isSuccessful()) {
      throw new KubernetesClientException("finalize of namespace " + namespace.getMetadata().getName() + ": "
          + response.body(), response.code(), null);
    }
  }
}
