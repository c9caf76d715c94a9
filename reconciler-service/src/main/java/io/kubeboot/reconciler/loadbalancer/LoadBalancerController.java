package io.kubeboot.reconciler.loadbalancer;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives every Service of type LoadBalancer an address from the configured pool, as MetalLB's
 * controller does on bare metal: written to {@code status.loadBalancer.ingress} through the status
 * subresource, kept while the Service stays a LoadBalancer (the status is the record, so restarts
 * keep it too), given back when it is deleted or changes type, and {@code spec.loadBalancerIP}
 * honoured when it lies in the pool. With the pool exhausted the Service stays pending with an
 * {@code AllocationFailed} event, and gets the next address that is freed. Services whose
 * {@code spec.loadBalancerClass} names another implementation are left to it.
 *
 * <p>Only the address is allocated: traffic reaches the Service through its nodePorts, which the
 * node agents proxy; nothing routes the address itself to the nodes.
 */
public final class LoadBalancerController implements Controller {

  static final String COMPONENT = "service-lb-controller";

  private final KubernetesClient client;
  private final ResourceInformer<Service> services;
  private final EventRecorder events;
  private final AddressAllocator allocator;

  public LoadBalancerController(KubernetesClient client, Informers informers, EventRecorder events, String pool) {
    this.client = client;
    this.services = informers.of(Service.class);
    this.events = events;
    this.allocator = new AddressAllocator(AddressPool.parse(pool));
  }

  @Override
  public String name() {
    return "service-lb";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    services.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service service) {
        queue.add(ObjectKey.of(service));
      }

      @Override
      public void onUpdate(Service old, Service now) {
        queue.add(ObjectKey.of(now));
        if (!ingressIps(old).isEmpty() && !ingressIps(old).equals(ingressIps(now))) {
          enqueuePending(queue); // an address came free
        }
      }

      @Override
      public void onDelete(Service last) {
        queue.add(ObjectKey.of(last));
        if (!ingressIps(last).isEmpty()) {
          enqueuePending(queue);
        }
      }
    });
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Service> cached = services.get(key);
    if (cached.isEmpty()) {
      return Result.done(); // its hand-out, if any, is forgotten once the cache no longer has it
    }
    Service service = cached.get();
    if (!isLoadBalancer(service)) {
      allocator.release(service.getMetadata().getUid());
      if (hasIngress(service)) {
        writeIngress(service, List.of());
      }
      return Result.done();
    }
    if (!ours(service)) {
      return Result.done();
    }
    List<AddressAllocator.Claim> claims = services.list().stream().map(LoadBalancerController::claim).toList();
    AddressAllocator.Outcome outcome = allocator.allocate(claim(service), service.getSpec().getLoadBalancerIP(),
        claims);
    if (outcome.isAssigned()) {
      if (!ingressIps(service).equals(List.of(outcome.ip()))) {
        writeIngress(service, List.of(outcome.ip()));
        events.normal(service, COMPONENT, "IPAllocated", "Assigned IP [\"" + outcome.ip() + "\"]");
      }
    } else {
      events.warning(service, COMPONENT, "AllocationFailed", outcome.failure());
      if (hasIngress(service)) {
        writeIngress(service, List.of());
      }
    }
    return Result.done();
  }

  private void writeIngress(Service service, List<String> ips) {
    List<LoadBalancerIngress> ingress = ips.stream()
        .map(ip -> new LoadBalancerIngressBuilder().withIp(ip).withIpMode("VIP").build()).toList();
    Service updated = new ServiceBuilder(service).editOrNewStatus()
        .withLoadBalancer(new LoadBalancerStatus(ingress)).endStatus().build();
    client.services().inNamespace(service.getMetadata().getNamespace()).resource(updated).updateStatus();
  }

  private void enqueuePending(WorkQueue<ObjectKey> queue) {
    services.list().stream().filter(s -> isLoadBalancer(s) && ours(s) && ingressIps(s).isEmpty())
        .forEach(s -> queue.add(ObjectKey.of(s)));
  }

  private static boolean isLoadBalancer(Service service) {
    return service.getSpec() != null && "LoadBalancer".equals(service.getSpec().getType());
  }

  /** Upstream's default implementation serves Services that name no class. */
  private static boolean ours(Service service) {
    return service.getSpec().getLoadBalancerClass() == null || service.getSpec().getLoadBalancerClass().isEmpty();
  }

  private static AddressAllocator.Claim claim(Service service) {
    String created = service.getMetadata().getCreationTimestamp();
    return new AddressAllocator.Claim(service.getMetadata().getUid(), service.getMetadata().getNamespace(),
        service.getMetadata().getName(), created == null ? null : Instant.parse(created), ingressIps(service));
  }

  private static List<String> ingressIps(Service service) {
    return ingress(service).stream().map(LoadBalancerIngress::getIp).filter(Objects::nonNull).toList();
  }

  private static boolean hasIngress(Service service) {
    return !ingress(service).isEmpty();
  }

  private static List<LoadBalancerIngress> ingress(Service service) {
    if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null) {
      return List.of();
    }
    return service.getStatus().getLoadBalancer().getIngress();
  }
}
