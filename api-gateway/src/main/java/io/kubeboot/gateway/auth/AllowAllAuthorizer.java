package io.kubeboot.gateway.auth;

import io.kubeboot.common.api.RequestInfo;
import org.springframework.stereotype.Component;

/**
 * PENDING RBAC: every authenticated user may do everything, like kube-apiserver's
 * {@code --authorization-mode=AlwaysAllow}. Replace with an RBAC authorizer.
 */
@Component
class AllowAllAuthorizer implements Authorizer {

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    return Decision.ALLOW;
  }
}
