package io.kubeboot.gateway.table;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Table;
import io.fabric8.kubernetes.api.model.TableRow;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.kubeboot.gateway.table.TableRequest.IncludeObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what resource-service answered (one object, a list, or one watch event) into the
 * {@code meta.k8s.io} Table that {@code kubectl get} prints: the printer's columns, one row of
 * cells per object, and per row the object's metadata (or the object, or nothing) for kubectl's
 * NAMESPACE column and its {@code -o name}.
 */
@Component
public class TableConverter {

  private final TablePrinters printers;
  private final Clock clock;

  TableConverter(TablePrinters printers, Clock clock) {
    this.printers = printers;
    this.clock = clock;
  }

  /** A list becomes a row per item, carrying the list's resourceVersion and continue token. */
  public Table convert(JsonNode body, TableRequest request) {
    ResourcePrinter printer = printer(request);
    Instant now = clock.instant();
    ListMeta meta = new ListMeta();
    List<TableRow> rows = new ArrayList<>();
    if (body.path("items").isArray()) {
      JsonNode listMeta = body.path("metadata");
      meta.setResourceVersion(text(listMeta.path("resourceVersion")));
      meta.setContinue(text(listMeta.path("continue")));
      meta.setRemainingItemCount(listMeta.path("remainingItemCount").isNumber()
          ? listMeta.path("remainingItemCount").asLong() : null);
      String itemKind = text(body.path("kind")) == null ? null : text(body.path("kind")).replaceFirst("List$", "");
      for (JsonNode item : body.path("items")) {
        JsonNode object = request.includeObject() == IncludeObject.Object
            ? withType(item, itemKind, text(body.path("apiVersion"))) : item;
        rows.add(row(printer, object, request, now));
      }
    } else {
      meta.setResourceVersion(text(body.path("metadata").path("resourceVersion")));
      rows.add(row(printer, body, request, now));
    }
    Table table = new Table();
    table.setApiVersion(request.apiVersion());
    table.setKind("Table");
    table.setMetadata(meta);
    table.setColumnDefinitions(printer.columns().stream().map(Column::definition).toList());
    table.setRows(rows);
    return table;
  }

  /**
   * A watch event whose object is a one-row Table. ERROR events carry a Status and BOOKMARK
   * events only a resourceVersion; both keep their object as it is.
   */
  public WatchEvent convertEvent(JsonNode event, TableRequest request) {
    String type = text(event.path("type"));
    JsonNode object = event.path("object");
    boolean hasRow = !"ERROR".equals(type) && !"BOOKMARK".equals(type) && object.isObject();
    return new WatchEvent(hasRow ? convert(object, request) : object, type);
  }

  private ResourcePrinter printer(TableRequest request) {
    boolean printsAsResource = request.subresource() == null || request.subresource().equals("status");
    return printers.forResource(printsAsResource ? request.resource() : null);
  }

  private static TableRow row(ResourcePrinter printer, JsonNode object, TableRequest request, Instant now) {
    TableRow row = new TableRow();
    row.setCells(printer.cells(object, now));
    row.setObject(switch (request.includeObject()) {
      case None -> null;
      case Object -> new RawExtension(object);
      case Metadata -> new RawExtension(partialObjectMetadata(object, request));
    });
    return row;
  }

  private static ObjectNode partialObjectMetadata(JsonNode object, TableRequest request) {
    ObjectNode partial = JsonNodeFactory.instance.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", request.apiVersion());
    partial.set("metadata", object.path("metadata").isObject() ? object.path("metadata") : partial.objectNode());
    return partial;
  }

  /** List items usually omit kind and apiVersion; a row's full object should say what it is. */
  private static JsonNode withType(JsonNode item, String kind, String apiVersion) {
    if (!item.isObject() || item.has("kind") || kind == null) {
      return item;
    }
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    typed.put("kind", kind);
    typed.put("apiVersion", apiVersion);
    typed.setAll((ObjectNode) item);
    return typed;
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
  }
}
