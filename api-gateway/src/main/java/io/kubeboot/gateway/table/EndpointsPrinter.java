package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Endpoints: {@code ip:port} of each ready address and port, the first three of them. */
@Component
class EndpointsPrinter extends ResourcePrinter {

  EndpointsPrinter() {
    super(Set.of("endpoints"), List.of(Column.objectName(),
        Column.string("Endpoints", "The set of all endpoints is the union of all subsets."), Column.age()));
  }

  @Override
  List<Object> cells(JsonNode endpoints, Instant now) {
    ShortList list = new ShortList();
    for (JsonNode subset : items(endpoints.path("subsets"))) {
      List<JsonNode> addresses = items(subset.path("addresses"));
      List<JsonNode> ports = items(subset.path("ports"));
      if (ports.isEmpty()) {
        addresses.forEach(address -> list.add(text(address, "ip"))); // headless services may have no ports
      }
      for (JsonNode port : ports) {
        addresses.forEach(address -> list.add(hostPort(text(address, "ip"), port.path("port").asLong(0))));
      }
    }
    return List.of(Fields.name(endpoints), list.print("<none>"), Fields.age(endpoints, now));
  }

  /** Go's net.JoinHostPort: IPv6 addresses in brackets. */
  private static String hostPort(String ip, long port) {
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
  }
}
