package io.kubeboot.gateway.table;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Roles and ClusterRoles: when they were created, as a date rather than an age (as upstream). */
@Component
class RolePrinter extends ResourcePrinter {

  RolePrinter() {
    super(Set.of("roles", "clusterroles"), List.of(Column.objectName(), new Column("Created At", "date", "",
        "CreationTimestamp is a timestamp representing the server time when this object was created.", 0)));
  }

  @Override
  List<Object> cells(JsonNode role, Instant now) {
    Instant created = Fields.time(Fields.at(role, "metadata", "creationTimestamp"));
    return List.of(Fields.name(role), created == null ? "" : DateTimeFormatter.ISO_INSTANT.format(created));
  }
}
