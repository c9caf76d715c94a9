package io.kubeboot.resources.rest;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.metrics.MetersByLabels;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes REST API of every registered resource but watches, written once: the request's
 * path and method resolve to a {@link RequestInfo}, the registry to a {@link ResourceType}, and
 * the verb to one generic operation of {@link ObjectApi}. The gateway in front of this service
 * deals with authentication, protobuf and Table output; here everything is JSON.
 */
@Component
class ResourceRequests {

  /** What a request answers: its HTTP status and the body to write as JSON. */
  record Reply(int status, Object body) {
  }

  private final ResourceRegistry registry = ResourceRegistry.standard();
  private final ObjectApi api;
  private final RequestBodies bodies;
  private final ListRequests lists;
  private final MetersByLabels<Operation, Timer> durations;

  /** The labels of kubeboot_storage_request_duration_seconds. */
  private record Operation(String verb, String resource) {
  }

  ResourceRequests(ObjectApi api, RequestBodies bodies, ListRequests lists, MeterRegistry meters) {
    this.api = api;
    this.bodies = bodies;
    this.lists = lists;
    this.durations = new MetersByLabels<>(operation -> Timer.builder("kubeboot_storage_request_duration_seconds")
        .description("Time resource-service takes to serve one API request")
        .tag("verb", operation.verb()).tag("resource", operation.resource())
        .publishPercentileHistogram().register(meters));
  }

  /** Serves a request whose path and method resolved to {@code info}. */
  Reply handle(RequestInfo info, HttpServletRequest request, byte[] body) {
    ResourceType type = resolve(info);
    long start = System.nanoTime();
    try {
      return dispatch(info, type, request, body);
    } finally {
      durations.get(new Operation(info.verb(), type.groupResource()))
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** The registered resource a request names; a 404 Status when there is none. */
  ResourceType resolve(RequestInfo info) {
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

  private Reply dispatch(RequestInfo info, ResourceType type, HttpServletRequest request, byte[] body) {
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

  private Reply create(ResourceType type, String namespace, RequestInfo info, HttpServletRequest request,
      byte[] body) {
    if (info.subresource() == null && info.name() == null) {
      return new Reply(201, api.create(type, namespace, bodies.object(request, body), writeOptions(request)));
    }
    if ("binding".equals(info.subresource()) && "pods".equals(type.plural())) {
      api.bind(type, namespace, info.name(), bodies.object(request, body));
      return new Reply(201, Statuses.success(201));
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

  private static WriteOptions writeOptions(HttpServletRequest request) {
    return WriteOptions.parse(request.getParameter("dryRun"), request.getParameter("fieldValidation"));
  }

  private static Reply ok(Object body) {
    return new Reply(200, body);
  }
}
