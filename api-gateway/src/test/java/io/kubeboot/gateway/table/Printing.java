package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: objects as JSON text, printed at a fixed moment. */
final class Printing {

  static final Instant NOW = Instant.parse("2024-01-10T12:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Printing() {
  }

  static JsonNode object(String json) {
    return JSON.readTree(json);
  }

  static List<Object> cells(ResourcePrinter printer, String json) {
    List<Object> cells = printer.cells(object(json), NOW);
    if (cells.size() != printer.columns().size()) {
      throw new AssertionError(cells.size() + " cells for " + printer.columns().size() + " columns");
    }
    return cells;
  }

  /** A cell by its column's name. */
  static Object cell(ResourcePrinter printer, String json, String column) {
    List<Object> cells = cells(printer, json);
    for (int i = 0; i < printer.columns().size(); i++) {
      if (printer.columns().get(i).name().equals(column)) {
        return cells.get(i);
      }
    }
    throw new AssertionError("no column " + column);
  }
}
