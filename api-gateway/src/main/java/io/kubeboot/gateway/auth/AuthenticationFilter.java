package io.kubeboot.gateway.auth;

import io.kubeboot.common.api.ApiException;
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
 * Authenticates every request by its bearer token and asks the {@link Authorizer} whether its
 * user may make it, before any handler runs. Failures go through the same exception handling as
 * the handlers' own, so they are Status objects too.
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
      UserInfo user;
      if (authenticator.enabled()) {
        user = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION))
            .orElseThrow(() -> ApiException.unauthorized("Unauthorized"));
        authorize(Attributes.of(user, Requests.info(request), name -> Requests.queryParam(request, name)));
      } else {
        user = UserInfo.ANONYMOUS; // no token file (tests only): nobody to tell apart, so nothing to refuse
      }
      user.attachTo(request);
    } catch (ApiException e) {
      exceptionResolver.resolveException(request, response, null, e);
      return;
    }
    chain.doFilter(request, response);
  }

  private void authorize(Attributes attributes) {
    Authorizer.Decision decision = authorizer.authorize(attributes);
    if (!decision.allowed()) {
      throw attributes.forbidden(decision.reason());
    }
  }
}
