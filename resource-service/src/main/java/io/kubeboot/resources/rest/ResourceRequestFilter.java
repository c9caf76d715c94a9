package io.kubeboot.resources.rest;

import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.resource.ModelSerialization;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JsonNode;

/**
 * Serves every API request but watches as the last filter, as the gateway forwards them: they
 * all take the one route of {@link ResourceRequests}, and running them through Spring MVC's
 * handler matching and its argument and return-value machinery took a fifth of
 * resource-service's CPU per request (JFR, bench scheduler). Watches stream through
 * {@link WatchController}. Failures are Status objects through MVC's exception handling
 * ({@link ErrorResponses}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ResourceRequestFilter extends OncePerRequestFilter {

  private final ResourceRequests requests;
  private final HandlerExceptionResolver exceptionResolver;

  /** Lazy: filters are made as the web server starts, before the store they would pull in can be. */
  ResourceRequestFilter(@Lazy ResourceRequests requests,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
    this.requests = requests;
    this.exceptionResolver = exceptionResolver;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/api/") && !path.startsWith("/apis/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestInfo info;
    try {
      info = RequestInfo.resolve(request.getMethod(), request.getRequestURI(), request::getParameter);
    } catch (RuntimeException e) {
      exceptionResolver.resolveException(request, response, null, e); // a path upstream answers 500 for
      return;
    }
    if ("watch".equals(info.verb()) || RequestInfo.watchRequested(request.getParameter("watch"))) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      // one byte over the limit is enough to refuse the body; the rest is never held in memory
      body = request.getInputStream().readNBytes(RequestBodies.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      return; // the client went away mid-body: nobody to answer
    }
    byte[] json;
    int status;
    try {
      ResourceRequests.Reply reply = requests.handle(info, request, body);
      status = reply.status();
      json = reply.body() instanceof JsonNode tree ? RequestBodies.JSON.writeValueAsBytes(tree)
          : ModelSerialization.get().asJson(reply.body()).getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      exceptionResolver.resolveException(request, response, null, e);
      return;
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
