package io.kubeboot.resources.rest;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.api.ObjectApi;
import io.kubeboot.resources.store.ListPage;
import io.kubeboot.resources.store.ListQuery;
import io.kubeboot.resources.store.Selection;
import io.kubeboot.resources.watch.WatchRequest;
import io.kubeboot.resources.watch.Watches;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
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
    return new ListQuery(type, namespace, selection(request),
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
    Selection selection = selection(request);
    String version = request.getParameter("resourceVersion");
    long from;
    List<ObjectNode> initial = List.of();
    if (version == null || version.isEmpty() || "0".equals(version)) {
      // no version: the current state first, as ADDED events, then every change after it
      ListPage now = api.list(new ListQuery(type, namespace, selection, 0, null));
      from = now.resourceVersion();
      initial = now.items();
    } else {
      from = parseLong(version);
    }
    long timeout = request.getParameter("timeoutSeconds") == null ? watches.defaultTimeoutSeconds()
        : parseInt(request.getParameter("timeoutSeconds"), "timeoutSeconds");
    boolean bookmarks = "true".equals(request.getParameter("allowWatchBookmarks"));
    WatchRequest watch = new WatchRequest(type, namespace, selection, from, timeout, bookmarks, initial);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(watches.open(watch, response::flushBuffer));
  }

  private static Selection selection(HttpServletRequest request) {
    return Selection.parse(request.getParameter("labelSelector"), request.getParameter("fieldSelector"));
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
