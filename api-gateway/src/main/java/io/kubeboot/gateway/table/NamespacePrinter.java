package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Namespaces: their phase, Active or Terminating. */
@Component
class NamespacePrinter extends ResourcePrinter {

  NamespacePrinter() {
    super(Set.of("namespaces"), List.of(Column.objectName(), Column.string("Status", "The status of the namespace"), Column.age()));
  }

  @Override
  List<Object> cells(JsonNode namespace, Instant now) {
    return List.of(Fields.name(namespace), Fields.text(namespace, "status", "phase"), Fields.age(namespace, now));
  }
}
