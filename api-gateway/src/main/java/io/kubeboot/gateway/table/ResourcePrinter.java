package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The Table columns of some resources and how one object fills them, as upstream's printers.go.
 * Each subclass is a component that declares its resources and columns once;
 * {@link TablePrinters} finds it by resource name.
 */
abstract class ResourcePrinter {

  private final Set<String> resources;
  private final List<Column> columns;

  /** @param resources the plural resource names printed this way, e.g. {@code pods} */
  ResourcePrinter(Set<String> resources, List<Column> columns) {
    this.resources = Set.copyOf(resources);
    this.columns = List.copyOf(columns);
  }

  final Set<String> resources() {
    return resources;
  }

  final List<Column> columns() {
    return columns;
  }

  /** One cell per column, in order, wide columns included. */
  abstract List<Object> cells(JsonNode object, Instant now);
}
