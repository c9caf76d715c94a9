package io.kubeboot.gateway.table;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What every workload prints about its pod template: the wide Containers, Images and Selector
 * columns that follow its own (upstream's {@code layoutContainerCells}).
 */
final class PodTemplates {

  private PodTemplates() {
  }

  /** A workload's own columns, then Containers, Images and Selector. */
  static List<Column> columns(Column... own) {
    List<Column> columns = new ArrayList<>(List.of(own));
    columns.addAll(List.of(Column.containers(), Column.images(), Column.selector()));
    return columns;
  }

  /** A workload's own cells, then its template's containers and images and its selector. */
  static List<Object> cells(JsonNode podSpec, JsonNode selector, Object... own) {
    List<Object> cells = new ArrayList<>(List.of(own));
    cells.add(containers(podSpec));
    cells.add(images(podSpec));
    cells.add(Fields.selector(selector));
    return cells;
  }

  static String containers(JsonNode podSpec) {
    return Fields.join(podSpec.path("containers"), c -> Fields.text(c, "name"));
  }

  static String images(JsonNode podSpec) {
    return Fields.join(podSpec.path("containers"), c -> Fields.text(c, "image"));
  }
}
