package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** EndpointSlices: the address type, the ports and the first three endpoint addresses. */
@Component
class EndpointSlicePrinter extends ResourcePrinter {

  EndpointSlicePrinter() {
    super(Set.of("endpointslices"), List.of(
        Column.objectName(),
        Column.string("AddressType", "The type of address carried by this EndpointSlice."),
        Column.string("Ports", "Ports exposed by each endpoint in this slice."),
        Column.string("Endpoints", "The endpoints in this slice."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode slice, Instant now) {
    ShortList ports = new ShortList();
    for (JsonNode port : items(slice.path("ports"))) {
      // A port without a number means all ports.
      ports.add(port.path("port").isNumber() ? port.path("port").asString() : "*");
    }
    ShortList addresses = new ShortList();
    items(slice.path("endpoints")).forEach(endpoint ->
        items(endpoint.path("addresses")).forEach(address -> addresses.add(address.asString(""))));
    return List.of(Fields.name(slice), text(slice, "addressType"), ports.print("<unset>"),
        addresses.print("<unset>"), Fields.age(slice, now));
  }
}
