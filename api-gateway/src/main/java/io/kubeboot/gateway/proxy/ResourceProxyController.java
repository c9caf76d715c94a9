package io.kubeboot.gateway.proxy;

import io.kubeboot.gateway.error.ApiErrors;
import io.kubeboot.gateway.table.TableConverter;
import io.kubeboot.gateway.table.TableRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubernetes resource requests that {@link ResourceRequestFilter} leaves to Spring MVC:
 * watches as a stream that ends only when either side closes it, the node subresources
 * ({@code pods/log}, {@code pods/exec}, ...) as a raw stream, and any other path under
 * {@code /api} and {@code /apis} that no discovery handler serves, which resource-service answers.
 */
@RestController
class ResourceProxyController {

  private final RequestBodies bodies;
  private final ResourceProxy proxy;
  private final ResourceServiceClient resourceService;
  private final TableConverter tables;
  private final JsonMapper json;
  private final PodLogRoute podLogs;
  private final PodStreamRoute podStreams;
  private final OpenStreams streams;

  ResourceProxyController(RequestBodies bodies, ResourceProxy proxy, ResourceServiceClient resourceService,
      TableConverter tables, JsonMapper json, PodLogRoute podLogs, PodStreamRoute podStreams, OpenStreams streams) {
    this.bodies = bodies;
    this.proxy = proxy;
    this.podLogs = podLogs;
    this.podStreams = podStreams;
    this.streams = streams;
    this.resourceService = resourceService;
    this.tables = tables;
    this.json = json;
  }

  @RequestMapping({"/api/**", "/apis/**"})
  ResponseEntity<byte[]> proxy(HttpServletRequest request) {
    ProxiedReply reply = proxy.forward(request);
    return ResponseEntity.status(reply.status()).headers(reply.headers()).body(reply.body());
  }
  /** {@code ?watch=true} (any value Go reads as true): upstream's query form of a watch. */
  @RequestMapping(path = {"/api/**", "/apis/**"}, params = {"watch", "watch!=false", "watch!=0"})
  ResponseEntity<StreamingResponseBody> watch(HttpServletRequest request, HttpServletResponse response) {
    return streamWatch(request, response);
  }

  /** The deprecated path form: {@code /api/v1/watch/namespaces/default/pods}. */
  @RequestMapping({"/api/*/watch/**", "/apis/*/*/watch/**"})
  ResponseEntity<StreamingResponseBody> watchPath(HttpServletRequest request, HttpServletResponse response) {
    return streamWatch(request, response);
  }

  /**
   * The subresources a node agent serves. {@code log} goes to the pod's node agent; portforward
   * still goes to resource-service (which answers 404 or 501) until the agent serves it.
   */
  @RequestMapping({"/api/*/namespaces/*/pods/*/log", "/api/*/namespaces/*/pods/*/portforward"})
  ResponseEntity<StreamingResponseBody> nodeStream(HttpServletRequest request, HttpServletResponse response) {
    HttpResponse<InputStream> reply = request.getRequestURI().endsWith("/log") && "GET".equals(request.getMethod())
        ? podLogs.send(request)
        : resourceService.stream(request, bodies.read(request));
    return ResponseEntity.status(reply.statusCode()).headers(replyHeaders(reply))
        .body(LongRunningResponse.raw(reply.body(), response::flushBuffer, streams));
  }

  /**
   * {@code pods/exec} and {@code pods/attach}: an upgraded connection tunnelled to the pod's node
   * agent (GET for WebSocket, POST for SPDY).
   */
  @RequestMapping(path = {"/api/*/namespaces/*/pods/*/exec", "/api/*/namespaces/*/pods/*/attach"},
      method = {RequestMethod.GET, RequestMethod.POST})
  void podStream(HttpServletRequest request, HttpServletResponse response) throws IOException {
    podStreams.serve(request, response);
  }

  private ResponseEntity<StreamingResponseBody> streamWatch(HttpServletRequest request, HttpServletResponse response) {
    if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
      // Watches are served as HTTP streams only. Refusing the upgrade at once with 503 is what
      // makes clients that try a WebSocket watch first (fabric8) fall back to an HTTP watch.
      throw ApiErrors.serviceUnavailable("watch over WebSocket is not supported; use an HTTP watch");
    }
    Optional<TableRequest> table = TableRequest.of(request);
    HttpResponse<InputStream> reply = resourceService.stream(request, bodies.read(request));
    HttpHeaders headers = replyHeaders(reply);
    if (!isSuccess(reply)) {
      // A refused watch (410 Gone, 400, ...) is one Status, not a stream.
      return ResponseEntity.status(reply.statusCode()).headers(headers)
          .body(LongRunningResponse.raw(reply.body(), response::flushBuffer, streams));
    }
    table.ifPresent(t -> headers.set(HttpHeaders.CONTENT_TYPE, t.contentType()));
    return ResponseEntity.status(reply.statusCode()).headers(headers)
        .body(LongRunningResponse.watch(reply.body(), response::flushBuffer, streams, table.orElse(null), tables, json));
  }

  private static boolean isSuccess(HttpResponse<?> reply) {
    return reply.statusCode() / 100 == 2;
  }

  private static HttpHeaders replyHeaders(HttpResponse<InputStream> reply) {
    return ProxiedReply.passedHeaders(reply.headers()::allValues);
  }
}
