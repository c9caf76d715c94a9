package io.kubeboot.reconciler.endpoints;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.selector.LabelSelector;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Owners;
import io.kubeboot.reconciler.runtime.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the pods behind each Service with a selector twice, as upstream's endpoints and
 * endpointslice controllers do: an Endpoints object of the Service's name (ready addresses apart
 * from not-ready ones, one subset per set of resolved ports) and one EndpointSlice labelled
 * {@code kubernetes.io/service-name}, owned by the Service so that it goes with it.
 */
public final class EndpointsController implements Controller {

  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
  static final String MANAGED_BY = "endpointslice-controller.k8s.io";

  private final KubernetesClient client;
  private final ResourceInformer<Service> services;
  private final ResourceInformer<Pod> pods;
  private final ResourceInformer<Endpoints> endpoints;
  private final ResourceInformer<EndpointSlice> slices;

  public EndpointsController(KubernetesClient client, Informers informers) {
    this.client = client;
    this.services = informers.of(Service.class);
    this.pods = informers.of(Pod.class);
    this.endpoints = informers.of(Endpoints.class);
    this.slices = informers.of(EndpointSlice.class);
  }

  @Override
  public String name() {
    return "endpoints";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    services.addEventHandler(ResourceEventHandler.enqueueing(queue));
    pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        enqueueServicesOf(pod, queue);
      }

      @Override
      public void onUpdate(Pod old, Pod now) {
        enqueueServicesOf(now, queue);
        if (old != now) {
          enqueueServicesOf(old, queue); // labels may have changed: a Service may have lost it
        }
      }

      @Override
      public void onDelete(Pod pod) {
        enqueueServicesOf(pod, queue);
      }
    });
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Service> cached = services.get(key);
    if (cached.isEmpty()) {
      // the slice goes with its owner through the garbage collector; Endpoints have no owner upstream either
      if (endpoints.get(key).isPresent()) {
        client.endpoints().inNamespace(key.namespace()).withName(key.name()).delete();
      }
      return Result.done();
    }
    Service service = cached.get();
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return Result.done(); // endpoints of a Service without selector are the user's to write
    }
    LabelSelector matcher = LabelSelector.fromSet(selector);
    List<Pod> selected = pods.byIndex(Indexes.NAMESPACE, key.namespace()).stream()
        .filter(pod -> matcher.matches(pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels()))
        .toList();
    ServiceBackends backends = ServiceBackends.of(service, selected);
    syncEndpoints(service, backends);
    syncSlice(service, backends);
    return Result.done();
  }

  private void syncEndpoints(Service service, ServiceBackends backends) {
    Map<List<ServiceBackends.ResolvedPort>, EndpointSubset> subsets = new LinkedHashMap<>();
    for (ServiceBackends.Backend backend : backends.backends()) {
      if (backend.ports().isEmpty()) {
        continue;
      }
      EndpointSubset subset = subsets.computeIfAbsent(backend.ports(), ports -> {
        EndpointSubset created = new EndpointSubset();
        created.setPorts(ports.stream().map(p -> new EndpointPort(null, p.name(), p.port(), p.protocol())).toList());
        return created;
      });
      EndpointAddress address = new EndpointAddressBuilder().withIp(backend.ip())
          .withNodeName(backend.pod().getSpec() == null ? null : backend.pod().getSpec().getNodeName())
          .withNewTargetRef().withKind("Pod").withName(backend.pod().getMetadata().getName())
          .withNamespace(backend.pod().getMetadata().getNamespace()).withUid(backend.pod().getMetadata().getUid())
          .endTargetRef().build();
      if (backend.ready()) {
        subset.getAddresses().add(address);
      } else {
        subset.getNotReadyAddresses().add(address);
      }
    }
    List<EndpointSubset> desired = new ArrayList<>(subsets.values());
    ObjectKey key = ObjectKey.of(service);
    Optional<Endpoints> current = endpoints.get(key);
    if (current.isEmpty()) {
      client.endpoints().inNamespace(key.namespace()).resource(new EndpointsBuilder().withNewMetadata()
          .withName(key.name()).withNamespace(key.namespace()).withLabels(service.getMetadata().getLabels())
          .endMetadata().withSubsets(desired).build()).create();
    } else if (!same(current.get().getSubsets(), desired)) {
      client.endpoints().inNamespace(key.namespace())
          .resource(new EndpointsBuilder(current.get()).withSubsets(desired).build()).update();
    }
  }

  private void syncSlice(Service service, ServiceBackends backends) {
    List<Endpoint> desired = backends.backends().stream().map(backend -> new EndpointBuilder()
        .withAddresses(backend.ip())
        .withNewConditions().withReady(backend.ready()).withServing(backend.ready()).withTerminating(false)
        .endConditions()
        .withNodeName(backend.pod().getSpec() == null ? null : backend.pod().getSpec().getNodeName())
        .withNewTargetRef().withKind("Pod").withName(backend.pod().getMetadata().getName())
        .withNamespace(backend.pod().getMetadata().getNamespace()).withUid(backend.pod().getMetadata().getUid())
        .endTargetRef().build()).toList();
    // one slice carries one port list: the first backend's (pods of one Service normally agree)
    List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> ports = backends.backends().stream()
        .findFirst().map(backend -> backend.ports().stream()
            .map(p -> new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort(null, p.name(), p.port(),
                p.protocol())).toList())
        .orElse(List.of());
    String name = service.getMetadata().getName() + "-" + service.getMetadata().getUid().substring(0, 5);
    ObjectKey key = new ObjectKey(service.getMetadata().getNamespace(), name);
    Optional<EndpointSlice> current = slices.get(key);
    if (current.isEmpty()) {
      Map<String, String> labels = new LinkedHashMap<>(service.getMetadata().getLabels() == null ? Map.of()
          : service.getMetadata().getLabels());
      labels.put(SERVICE_NAME_LABEL, service.getMetadata().getName());
      labels.put(MANAGED_BY_LABEL, MANAGED_BY);
      client.resources(EndpointSlice.class).inNamespace(key.namespace()).resource(new EndpointSliceBuilder()
          .withNewMetadata().withName(name).withNamespace(key.namespace()).withLabels(labels)
          .withOwnerReferences(Owners.controllerReference(service)).endMetadata()
          .withAddressType("IPv4").withEndpoints(desired).withPorts(ports).build()).create();
    } else if (!same(current.get().getEndpoints(), desired) || !same(current.get().getPorts(), ports)) {
      client.resources(EndpointSlice.class).inNamespace(key.namespace()).resource(new EndpointSliceBuilder(current.get())
          .withEndpoints(desired).withPorts(ports).build()).update();
    }
  }

  private void enqueueServicesOf(Pod pod, WorkQueue<ObjectKey> queue) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    for (Service service : services.byIndex(Indexes.NAMESPACE, pod.getMetadata().getNamespace())) {
      Map<String, String> selector = service.getSpec().getSelector();
      if (selector != null && !selector.isEmpty() && LabelSelector.fromSet(selector).matches(labels)) {
        queue.add(ObjectKey.of(service));
      }
    }
  }

  private static boolean same(List<?> current, List<?> desired) {
    return (current == null ? List.of() : current).equals(desired);
  }
}
