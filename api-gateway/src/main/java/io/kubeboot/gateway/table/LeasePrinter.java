package io.kubeboot.gateway.table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Leases: who holds them. */
@Component
class LeasePrinter extends ResourcePrinter {

  LeasePrinter() {
    super(Set.of("leases"), List.of(Column.objectName(), Column.string("Holder", "The holder of the lease."), Column.age()));
  }

  @Override
  List<Object> cells(JsonNode lease, Instant now) {
    return List.of(Fields.name(lease), Fields.text(lease, "spec", "holderIdentity"), Fields.age(lease, now));
  }
}
