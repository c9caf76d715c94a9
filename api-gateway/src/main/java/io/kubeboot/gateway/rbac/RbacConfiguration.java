package io.kubeboot.gateway.rbac;

import io.kubeboot.gateway.GatewayProperties;
import io.kubeboot.gateway.auth.Authorizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's authorizer, by {@code kubeboot.gateway.authorization-mode}: RBAC, or allow-all. */
@Configuration(proxyBeanMethods = false)
class RbacConfiguration {

  @Bean
  Authorizer authorizer(GatewayProperties properties, RbacCache cache) {
    return properties.gateway().authorizesWithRbac() ? new RbacAuthorizer(cache) : Authorizer.ALWAYS_ALLOW;
  }
}
