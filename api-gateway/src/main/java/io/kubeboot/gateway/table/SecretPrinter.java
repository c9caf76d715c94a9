package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Secrets: their type and how many keys, never the values. */
@Component
class SecretPrinter extends ResourcePrinter {

  SecretPrinter() {
    super(Set.of("secrets"), List.of(
        Column.objectName(),
        Column.string("Type", "The type of the secret"),
        Column.integer("Data", "The number of data entries in the secret"),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode secret, Instant now) {
    return List.of(Fields.name(secret), Fields.text(secret, "type"), (long) Fields.count(secret.path("data")),
        Fields.age(secret, now));
  }
}
