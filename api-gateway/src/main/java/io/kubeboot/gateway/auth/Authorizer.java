package io.kubeboot.gateway.auth;

import io.kubeboot.common.api.RequestInfo;

/**
 * Decides whether a user may make a request: the seam for RBAC (Roles, ClusterRoles and their
 * bindings, read through the API). Until that lands, {@link AllowAllAuthorizer} is the only one.
 */
interface Authorizer {

  Decision authorize(UserInfo user, RequestInfo request);

  /** @param reason why not, appended to upstream's "User ... cannot ..." message */
  record Decision(boolean allowed, String reason) {

    static final Decision ALLOW = new Decision(true, "");

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }
}
