package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.number;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Services: type, cluster IP, external IPs and ports such as {@code 8080:31234/TCP}. */
@Component
class ServicePrinter extends ResourcePrinter {

  ServicePrinter() {
    super(Set.of("services"), List.of(
        Column.objectName(),
        Column.string("Type", "type determines how the Service is exposed."),
        Column.string("Cluster-IP", "clusterIP is the IP address of the service."),
        Column.string("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also "
            + "accept traffic for this service."),
        Column.string("Port(s)", "The list of ports that are exposed by this service."),
        Column.age(),
        Column.string("Selector", "Route service traffic to pods with label keys and values matching this selector.")
            .wide()));
  }

  @Override
  List<Object> cells(JsonNode service, Instant now) {
    JsonNode spec = service.path("spec");
    List<JsonNode> clusterIps = items(spec.path("clusterIPs"));
    String clusterIp = clusterIps.isEmpty() ? text(spec, "clusterIP") : clusterIps.get(0).asString("");
    String ports = ports(spec.path("ports"));
    return List.of(
        Fields.name(service),
        text(spec, "type"),
        Fields.orNone(clusterIp),
        externalIp(service),
        Fields.orNone(ports),
        Fields.age(service, now),
        Fields.labels(spec.path("selector")));
  }

  /** {@code port/protocol}, or {@code port:nodePort/protocol} where a node port is allocated. */
  static String ports(JsonNode ports) {
    List<String> pieces = new ArrayList<>();
    for (JsonNode port : items(ports)) {
      String protocol = text(port, "protocol").isEmpty() ? "TCP" : text(port, "protocol");
      long nodePort = number(port, "nodePort");
      pieces.add(number(port, "port") + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
    }
    return String.join(",", pieces);
  }

  /**
   * Addresses from outside the cluster. Upstream shortens long load-balancer lists except with
   * {@code -o wide}; a server-side Table is always the wide one, so nothing is shortened here.
   */
  private static String externalIp(JsonNode service) {
    JsonNode spec = service.path("spec");
    List<String> external = items(spec.path("externalIPs")).stream().map(ip -> ip.asString("")).toList();
    switch (text(spec, "type")) {
      case "ClusterIP", "NodePort":
        return external.isEmpty() ? "<none>" : String.join(",", external);
      case "LoadBalancer":
        List<String> addresses = new ArrayList<>();
        for (JsonNode ingress : items(service.path("status").path("loadBalancer").path("ingress"))) {
          addresses.add(text(ingress, "ip").isEmpty() ? text(ingress, "hostname") : text(ingress, "ip"));
        }
        addresses.addAll(external);
        return addresses.isEmpty() ? "<pending>" : String.join(",", addresses);
      case "ExternalName":
        return text(spec, "externalName");
      default:
        return "<unknown>";
    }
  }
}
