package io.kubeboot.resources.rest;

import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.api.ObjectApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Watches, by query ({@code ?watch=true}) or by the legacy {@code /watch/} path: streamed
 * responses on a thread of their own, which Spring MVC's asynchronous support provides. Every
 * other API request is served by {@link ResourceRequestFilter} before it gets here.
 */
@RestController
class WatchController {

  private final ResourceRequests requests;
  private final ObjectApi api;
  private final ListRequests lists;

  WatchController(ResourceRequests requests, ObjectApi api, ListRequests lists) {
    this.requests = requests;
    this.api = api;
    this.lists = lists;
  }

  @GetMapping(path = {"/api/**", "/apis/**"}, params = "watch", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StreamingResponseBody> watch(HttpServletRequest request, HttpServletResponse response) {
    return streamed(request, response);
  }

  @GetMapping(path = {"/api/v1/watch/**", "/apis/*/*/watch/**"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StreamingResponseBody> legacyWatch(HttpServletRequest request, HttpServletResponse response) {
    return streamed(request, response);
  }

  /** A watch; a named object's {@code ?watch=true} is served as the plain read it resolves to, as before. */
  private ResponseEntity<StreamingResponseBody> streamed(HttpServletRequest request, HttpServletResponse response) {
    RequestInfo info = RequestInfo.resolve(request.getMethod(), request.getRequestURI(), request::getParameter);
    ResourceType type = requests.resolve(info);
    String namespace = type.namespaced() ? info.namespace() : null;
    if ("watch".equals(info.verb())) {
      return lists.watch(type, namespace, request, response);
    }
    Object body = "list".equals(info.verb()) ? lists.render(type, api.list(lists.query(type, namespace, request)))
        : api.get(type, namespace, info.name(), info.subresource());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(out -> RequestBodies.JSON.writeValue(out, body));
  }
}
