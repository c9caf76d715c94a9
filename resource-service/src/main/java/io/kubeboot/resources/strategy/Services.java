package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.List;

/**
 * Upstream's service strategy: DNS-1035 names (a Service name becomes a DNS name and an
 * environment variable prefix), ClusterIP by default, and allocated values that survive
 * updates. Allocation itself (clusterIP, nodePorts) is the storage layer's, after
 * {@link #prepareForCreate} and {@link #validate}; nodePort values given by the client are
 * range-checked here with the allocator's message.
 */
final class Services extends BaseStrategy<Service> {

  Services(ResourceType resourceType) {
    super(resourceType, Service.class, NameRule.DNS1035_LABEL,
        StatusSubresource.of(Service::getSpec, Service::setSpec, Service::getStatus, Service::setStatus,
            Services::initialStatus));
  }

  // loadBalancer is a struct upstream, so an empty status still shows "loadBalancer: {}"
  private static ServiceStatus initialStatus() {
    ServiceStatus status = new ServiceStatus();
    status.setLoadBalancer(new LoadBalancerStatus());
    return status;
  }

  @Override
  void applyDefaults(Service service) {
    ServiceDefaults.apply(service);
  }

  @Override
  void onCreate(Service service) {
    ServiceDefaults.syncClusterIps(service.getSpec());
  }

  @Override
  void onUpdate(Service service, Service old) {
    AllocatedServiceFields.carryForward(service.getSpec(), spec(old));
  }

  @Override
  List<FieldError> validateObject(Service service) {
    return ServiceValidation.validate(spec(service));
  }

  @Override
  List<FieldError> validateTransition(Service service, Service old) {
    return ServiceValidation.validateUpdate(spec(service), spec(old));
  }

  private static ServiceSpec spec(Service service) {
    return service.getSpec() == null ? new ServiceSpec() : service.getSpec();
  }
}
