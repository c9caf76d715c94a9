package io.kubeboot.resources.rest;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.api.DeleteRequest;
import io.kubeboot.resources.api.ObjectApi;
import io.kubeboot.resources.api.WriteOptions;
import io.kubeboot.resources.patch.PatchType;
import io.kubeboot.resources.store.ListPage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes REST API of every registered resource, written once: the request's path and
 * method resolve to a {@link RequestInfo}, the registry to a {@link ResourceType}, and the verb
 * to one generic operation of {@link ObjectApi}. The gateway in front of this service deals with
 * authentication, protobuf and Table output; here everything is JSON.
 */
@RestController
class ResourceController {

  private final ResourceRegistry registry = ResourceRegistry.standard();
  private final ObjectApi api;
  private final RequestBodies bodies;
  private final ListRequests lists;
  private final MeterRegistry meters;

  ResourceController(ObjectApi api, RequestBodies bodies, ListRequests lists, MeterRegistry meters) {
    this.api = api;
    this.bodies = bodies;
    this.lists = lists;
    this.meters = meters;
  }

  @RequestMapping(path = {"/api/**", "/apis/**"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> handle(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    RequestInfo info = RequestInfo.resolve(request.getMethod(), request.getRequestURI(), request::getParameter);
    ResourceType type = resolve(info);
    Timer.Sample sample = Timer.start(meters);
    try {
      return dispatch(info, type, request, body);
    } finally {
      if (!"watch".equals(info.verb())) {
        sample.stop(Timer.builder("kubeboot_storage_request_duration_seconds")
            .description("Time resource-service takes to serve one API request")
            .tag("verb", info.verb()).tag("resource", type.groupResource())
            .publishPercentileHistogram().register(meters));
      }
    }
  }

  /**
   * Watches, by query ({@code ?watch=true}) or by the legacy {@code /watch/} path. Spring picks
   * the streaming return-value handler by the declared type, so watches need a method of their
   * own; a {@code watch=false} that lands here is served as the plain read it is.
   */
  @GetMapping(path = {"/api/**", "/apis/**"}, params = "watch", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StreamingResponseBody> watch(HttpServletRequest request, HttpServletResponse response) {
    return streamed(request, response);
  }

  @GetMapping(path = {"/api/v1/watch/**", "/apis/*/*/watch/**"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StreamingResponseBody> legacyWatch(HttpServletRequest request, HttpServletResponse response) {
    return streamed(request, response);
  }

  private ResponseEntity<StreamingResponseBody> streamed(HttpServletRequest request, HttpServletResponse response) {
    RequestInfo info = RequestInfo.resolve(request.getMethod(), request.getRequestURI(), request::getParameter);
    ResourceType type = resolve(info);
    String namespace = type.namespaced() ? info.namespace() : null;
    if ("watch".equals(info.verb())) {
      return lists.watch(type, namespace, request, response);
    }
    Object body = "list".equals(info.verb()) ? lists.render(type, api.list(lists.query(type, namespace, request)))
        : api.get(type, namespace, info.name(), info.subresource());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(out -> RequestBodies.JSON.writeValue(out, body));
  }

  private ResponseEntity<?> dispatch(RequestInfo info, ResourceType type, HttpServletRequest request, byte[] body) {
    String namespace = type.namespaced() ? info.namespace() : null;
    String sub = info.subresource();
    return switch (info.verb()) {
      case "get" -> ok(api.get(type, namespace, info.name(), sub));
      case "list" -> ok(lists.render(type, api.list(lists.query(type, namespace, request))));
      case "create" -> create(type, namespace, info, request, body);
      case "update" -> ok(api.update(type, namespace, info.name(), sub, bodies.object(request, body),
          writeOptions(request)));
      case "patch" -> ok(api.patch(type, namespace, info.name(), sub,
          PatchType.fromContentType(request.getContentType()), bodies.raw(body), writeOptions(request)));
      case "delete" -> ok(api.delete(type, namespace, info.name(), bodies.deleteRequest(request, body)));
      case "deletecollection" -> ok(deleteCollection(type, namespace, request, body));
      default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested "
          + "resource");
    };
  }

  private ResponseEntity<?> create(ResourceType type, String namespace, RequestInfo info, HttpServletRequest request,
      byte[] body) {
    if (info.subresource() == null && info.name() == null) {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(api.create(type, namespace, bodies.object(request, body), writeOptions(request)));
    }
    if ("binding".equals(info.subresource()) && "pods".equals(type.plural())) {
      api.bind(type, namespace, info.name(), bodies.object(request, body));
      return ResponseEntity.status(HttpStatus.CREATED).body(Statuses.success(201));
    }
    throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
  }

  /** Deletes every object the selectors match, one transaction each, and returns them. */
  private ObjectNode deleteCollection(ResourceType type, String namespace, HttpServletRequest request, byte[] body) {
    DeleteRequest delete = bodies.deleteRequest(request, body);
    ListPage page = api.list(lists.query(type, namespace, request));
    List<ObjectNode> deleted = new ArrayList<>();
    for (ObjectNode object : page.items()) {
      String name = object.path("metadata").path("name").asString();
      String objectNamespace = object.path("metadata").path("namespace").asString(null);
      try {
        deleted.add(api.delete(type, objectNamespace, name, delete));
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return lists.render(type, new ListPage(deleted, page.resourceVersion(), null));
  }

  private ResourceType resolve(RequestInfo info) {
    if (!info.resourceRequest()) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    ResourceType type = registry.find(info.group(), info.version(), info.resource())
        .orElseThrow(() -> ApiException.notFound("the server could not find the requested resource"));
    String sub = info.subresource();
    if (sub != null && !type.hasSubresource(sub)) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    if (type.namespaced() && info.namespace() == null && !"list".equals(info.verb())
        && !"watch".equals(info.verb())) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    return type;
  }

  private static WriteOptions writeOptions(HttpServletRequest request) {
    return WriteOptions.parse(request.getParameter("dryRun"), request.getParameter("fieldValidation"));
  }

  private static ResponseEntity<Object> ok(Object body) {
    return ResponseEntity.ok(body);
  }
}
