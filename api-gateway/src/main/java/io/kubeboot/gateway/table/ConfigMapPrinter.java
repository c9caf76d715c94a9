package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** ConfigMaps: how many keys, text and binary. */
@Component
class ConfigMapPrinter extends ResourcePrinter {

  ConfigMapPrinter() {
    super(Set.of("configmaps"), List.of(Column.objectName(), Column.integer("Data", "Number of data entries in the ConfigMap."), Column.age()));
  }

  @Override
  List<Object> cells(JsonNode configMap, Instant now) {
    long keys = Fields.count(configMap.path("data")) + Fields.count(configMap.path("binaryData"));
    return List.of(Fields.name(configMap), keys, Fields.age(configMap, now));
  }
}
