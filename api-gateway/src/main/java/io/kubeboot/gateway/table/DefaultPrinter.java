package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Resources without a printer of their own: Name and Age. */
final class DefaultPrinter extends ResourcePrinter {

  DefaultPrinter() {
    super(Set.of(), List.of(Column.objectName(), Column.age()));
  }

  @Override
  List<Object> cells(JsonNode object, Instant now) {
    return List.of(Fields.name(object), Fields.age(object, now));
  }
}
