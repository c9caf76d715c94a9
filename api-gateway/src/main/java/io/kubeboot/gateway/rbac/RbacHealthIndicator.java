package io.kubeboot.gateway.rbac;

import io.kubeboot.gateway.GatewayProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code rbac} health component: DOWN until the RBAC objects have been read once, like
 * kube-apiserver's readiness waiting for its authorization caches, since until then only
 * {@code system:masters} can do anything.
 */
@Component
class RbacHealthIndicator extends AbstractHealthIndicator {

  private final boolean inUse;
  private final RbacCache cache;

  RbacHealthIndicator(GatewayProperties properties, RbacCache cache) {
    this.inUse = properties.gateway().authorizesWithRbac();
    this.cache = cache;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (!inUse) {
      builder.up().withDetail("authorization", "AlwaysAllow");
    } else if (cache.synced()) {
      builder.up();
    } else {
      builder.down().withDetail("reason", "the RBAC objects have not been read from resource-service yet");
    }
  }
}
