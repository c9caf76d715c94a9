package io.kubeboot.reconciler.endpoints;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;

/**
 * Keeps the {@code default/kubernetes} Service that in-cluster clients find the API by: ClusterIP the
 * first address of the service range, port 443, no selector. Recreated if someone deletes it.
 */
public final class DefaultKubernetesService implements Controller {

  static final ObjectKey KEY = new ObjectKey("default", "kubernetes");

  private final KubernetesClient client;
  private final ResourceInformer<Service> services;
  private final String clusterIp;

  public DefaultKubernetesService(KubernetesClient client, Informers informers, String clusterIp) {
    this.client = client;
    this.services = informers.of(Service.class);
    this.clusterIp = clusterIp;
  }

  @Override
  public String name() {
    return "kubernetes-service";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    services.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onDelete(Service last) {
        if (KEY.equals(ObjectKey.of(last))) {
          queue.add(KEY);
        }
      }
    });
    queue.add(KEY); // no event announces that it is missing
  }

  @Override
  public Result reconcile(ObjectKey key) {
    if (services.get(KEY).isPresent() || client.services().inNamespace(KEY.namespace()).withName(KEY.name()).get() != null) {
      return Result.done();
    }
    client.services().inNamespace(KEY.namespace()).resource(new ServiceBuilder()
        .withNewMetadata().withName(KEY.name()).withNamespace(KEY.namespace())
        .addToLabels("component", "apiserver").addToLabels("provider", "kubernetes").endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP(clusterIp).withSessionAffinity("None")
        .addNewPort().withName("https").withProtocol("TCP").withPort(443).withNewTargetPort(6443).endPort()
        .endSpec().build()).create();
    return Result.done();
  }
}
