package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.gateway.Requests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Serves the ordinary requests for registered resources (those resource-service stores), nearly
 * all of the API's traffic, as the last filter,
 * after authentication and authorization: they all take the same one route to resource-service,
 * and matching each against every handler mapping and running it through Spring MVC's argument
 * and return-value machinery cost as much CPU as the forwarding itself. Watches, the node
 * subresources and every other path go on to {@link ResourceProxyController} and the other
 * handlers. Failures are Status objects through the handlers' exception handling, as in
 * the authentication filter.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ResourceRequestFilter extends OncePerRequestFilter {

  /** Subresources served as streams, by a node agent or as an upgraded connection. */
  private static final Set<String> STREAMED = Set.of("log", "exec", "attach", "portforward", "proxy");

  private final ResourceRegistry registry;
  private final ResourceProxy proxy;
  private final HandlerExceptionResolver exceptionResolver;

  ResourceRequestFilter(ResourceRegistry registry, ResourceProxy proxy,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
    this.registry = registry;
    this.proxy = proxy;
    this.exceptionResolver = exceptionResolver;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    RequestInfo info = Requests.info(request);
    // a watch also when it names its object ({@code pods/x?watch=true}, the verb then says get)
    return !info.resourceRequest() || registry.find(info.group(), info.version(), info.resource()).isEmpty()
        || "watch".equals(info.verb()) || "proxy".equals(info.verb())
        || (info.subresource() != null && STREAMED.contains(info.subresource()))
        || RequestInfo.watchRequested(Requests.queryParam(request, "watch"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    ProxiedReply reply;
    try {
      reply = proxy.forward(request);
    } catch (RuntimeException e) {
      exceptionResolver.resolveException(request, response, null, e);
      return;
    }
    response.setStatus(reply.status());
    reply.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setContentLength(reply.body().length);
    response.getOutputStream().write(reply.body());
  }
}
