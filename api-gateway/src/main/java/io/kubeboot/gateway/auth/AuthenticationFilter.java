package io.kubeboot.gateway.auth;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.gateway.Requests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates every request by its bearer token and asks the {@link Authorizer}, before any
 * handler runs. Failures go through the same exception handling as the handlers' own, so they are
 * Status objects too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AuthenticationFilter extends OncePerRequestFilter {

  /**
   * Served without a token: the version (upstream lets system:unauthenticated read it, and
   * kubectl's dispatcher asks before it has chosen a kubectl), health probes and actuator.
   */
  private static final List<String> OPEN_PATHS = List.of("/version", "/healthz", "/livez", "/readyz");

  private final TokenAuthenticator authenticator;
  private final Authorizer authorizer;
  private final HandlerExceptionResolver exceptionResolver;

  AuthenticationFilter(TokenAuthenticator authenticator, Authorizer authorizer,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.exceptionResolver = exceptionResolver;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/actuator/") || path.equals("/actuator")
        || OPEN_PATHS.stream().anyMatch(open -> path.equals(open) || path.startsWith(open + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      UserInfo user = authenticator.enabled()
          ? authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION))
              .orElseThrow(() -> ApiException.unauthorized("Unauthorized"))
          : UserInfo.ANONYMOUS;
      RequestInfo info = Requests.info(request);
      Authorizer.Decision decision = authorizer.authorize(user, info);
      if (!decision.allowed()) {
        throw forbidden(user, info, decision.reason());
      }
      user.attachTo(request);
    } catch (ApiException e) {
      exceptionResolver.resolveException(request, response, null, e);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Upstream's wording: {@code User "bob" cannot list resource "pods" in API group "" in the namespace "default"}. */
  static ApiException forbidden(UserInfo user, RequestInfo info, String reason) {
    StringBuilder message = new StringBuilder("User \"" + user.name() + "\" cannot " + info.verb());
    if (info.resourceRequest()) {
      String resource = info.subresource() == null ? info.resource() : info.resource() + "/" + info.subresource();
      message.append(" resource \"").append(resource).append("\" in API group \"").append(info.group()).append('"');
      message.append(info.namespaced() ? " in the namespace \"" + info.namespace() + "\"" : " at the cluster scope");
    } else {
      message.append(" path \"").append(info.path()).append('"');
    }
    if (reason != null && !reason.isEmpty()) {
      message.append(": ").append(reason);
    }
    return ApiException.forbidden(info.groupResource(), info.name(), message.toString());
  }
}
