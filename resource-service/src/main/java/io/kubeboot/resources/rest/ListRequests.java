package io.kubeboot.resources.rest;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.common.selector.FieldSelector;
import io.kubeboot.common.selector.LabelSelector;
import io.kubeboot.common.selector.Requirement;
import io.kubeboot.resources.api.ObjectApi;
import io.kubeboot.resources.store.ListPage;
import io.kubeboot.resources.store.ListQuery;
import io.kubeboot.resources.watch.WatchRequest;
import io.kubeboot.resources.watch.Watches;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists and watches: selectors and paging from the query string, the {@code XxxList} body, and
 * the start of a watch (from a resourceVersion, or from "now" after a synthetic ADDED of every
 * current object when none is given).
 */
@Component
class ListRequests {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final ObjectApi api;
  private final Watches watches;

  ListRequests(ObjectApi api, Watches watches) {
    this.api = api;
    this.watches = watches;
  }

  ListQuery query(ResourceType type, String namespace, HttpServletRequest request) {
    LabelSelector labels = LabelSelector.parse(request.getParameter("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.getParameter("fieldSelector"));
    return new ListQuery(type, namespace, indexable(labels), filter(labels, fields),
        parseInt(request.getParameter("limit"), "limit"), emptyToNull(request.getParameter("continue")));
  }

  ObjectNode render(ResourceType type, ListPage page) {
    ObjectNode list = MAPPER.createObjectNode();
    list.put("kind", type.kind() + "List");
    list.put("apiVersion", type.apiVersion());
    ObjectNode metadata = list.putObject("metadata");
    metadata.put("resourceVersion", Long.toString(page.resourceVersion()));
    if (page.continueToken() != null) {
      metadata.put("continue", page.continueToken());
    }
    list.putArray("items").addAll(page.items());
    return list;
  }

  ResponseEntity<StreamingResponseBody> watch(ResourceType type, String namespace, HttpServletRequest request,
      HttpServletResponse response) {
    LabelSelector labels = LabelSelector.parse(request.getParameter("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.getParameter("fieldSelector"));
    Predicate<ObjectNode> filter = filter(labels, fields);
    String version = request.getParameter("resourceVersion");
    long from;
    List<ObjectNode> initial = List.of();
    if (version == null || version.isEmpty() || "0".equals(version)) {
      // no version: the current state first, as ADDED events, then every change after it
      ListPage now = api.list(new ListQuery(type, namespace, indexable(labels), filter, 0, null));
      from = now.resourceVersion();
      initial = now.items();
    } else {
      from = parseLong(version);
    }
    long timeout = request.getParameter("timeoutSeconds") == null ? watches.defaultTimeoutSeconds()
        : parseInt(request.getParameter("timeoutSeconds"), "timeoutSeconds");
    boolean bookmarks = "true".equals(request.getParameter("allowWatchBookmarks"));
    WatchRequest watch = new WatchRequest(type, namespace, filter, from, timeout, bookmarks, initial);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(watches.open(watch, response::flushBuffer));
  }

  /** Label equalities go to the database's index; the full selectors always run on the result. */
  private static Map<String, String> indexable(LabelSelector labels) {
    Map<String, String> equalities = new HashMap<>();
    for (Requirement requirement : labels.requirements()) {
      boolean equality = requirement.op() == Requirement.Operator.EQUALS
          || requirement.op() == Requirement.Operator.DOUBLE_EQUALS
          || requirement.op() == Requirement.Operator.IN && requirement.values().size() == 1;
      if (equality) {
        equalities.put(requirement.key(), requirement.values().iterator().next());
      }
    }
    return equalities;
  }

  private static Predicate<ObjectNode> filter(LabelSelector labels, FieldSelector fields) {
    if (labels.isEmpty() && fields.isEmpty()) {
      return object -> true;
    }
    return object -> labels.matches(labelsOf(object)) && fields.matches(object);
  }

  private static Map<String, String> labelsOf(ObjectNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    if (!labels.isObject()) {
      return Map.of();
    }
    Map<String, String> map = new HashMap<>();
    labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
    return map;
  }

  private static int parseInt(String value, String name) {
    return (int) Math.min(Integer.MAX_VALUE, value == null || value.isEmpty() ? 0 : parseNumber(value, name));
  }

  private static long parseLong(String value) {
    return parseNumber(value, "resourceVersion");
  }

  private static long parseNumber(String value, String name) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid " + name + ": " + value);
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
