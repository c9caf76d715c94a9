package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** ServiceAccounts: how many secrets they reference. */
@Component
class ServiceAccountPrinter extends ResourcePrinter {

  ServiceAccountPrinter() {
    super(Set.of("serviceaccounts"), List.of(Column.objectName(), Column.integer("Secrets", "The number of secrets of the service account."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode account, Instant now) {
    return List.of(Fields.name(account), (long) Fields.count(account.path("secrets")), Fields.age(account, now));
  }
}
