package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Nodes: {@code Ready}, {@code NotReady} or {@code Unknown}, plus {@code SchedulingDisabled} when cordoned. */
@Component
class NodePrinter extends ResourcePrinter {

  private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";

  NodePrinter() {
    super(Set.of("nodes"), List.of(
        Column.objectName(),
        Column.string("Status", "The status of the node"),
        Column.string("Roles", "The roles of the node"),
        Column.age(),
        Column.string("Version", "Kubelet Version reported by the node."),
        Column.string("Internal-IP", "List of addresses reachable to the node.").wide(),
        Column.string("External-IP", "List of addresses reachable to the node.").wide(),
        Column.string("OS-Image", "OS Image reported by the node from /etc/os-release.").wide(),
        Column.string("Kernel-Version", "Kernel Version reported by the node from 'uname -r'.").wide(),
        Column.string("Container-Runtime", "ContainerRuntime Version reported by the node through runtime remote API.")
            .wide()));
  }

  @Override
  List<Object> cells(JsonNode node, Instant now) {
    JsonNode info = at(node, "status", "nodeInfo");
    return List.of(
        Fields.name(node),
        status(node),
        Fields.orNone(String.join(",", roles(at(node, "metadata", "labels")))),
        Fields.age(node, now),
        text(info, "kubeletVersion"),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        unknownIfEmpty(text(info, "osImage")),
        unknownIfEmpty(text(info, "kernelVersion")),
        unknownIfEmpty(text(info, "containerRuntimeVersion")));
  }

  static String status(JsonNode node) {
    List<String> status = new ArrayList<>();
    items(at(node, "status", "conditions")).stream()
        .filter(c -> text(c, "type").equals("Ready"))
        .reduce((first, last) -> last)
        .ifPresentOrElse(c -> status.add(text(c, "status").equals("True") ? "Ready" : "NotReady"),
            () -> status.add("Unknown"));
    if (Fields.flag(node, "spec", "unschedulable")) {
      status.add("SchedulingDisabled");
    }
    return String.join(",", status);
  }

  /** From {@code node-role.kubernetes.io/<role>} labels and the older {@code kubernetes.io/role}, sorted. */
  private static Set<String> roles(JsonNode labels) {
    Set<String> roles = new TreeSet<>();
    labels.properties().forEach(label -> {
      if (label.getKey().startsWith(ROLE_LABEL_PREFIX) && label.getKey().length() > ROLE_LABEL_PREFIX.length()) {
        roles.add(label.getKey().substring(ROLE_LABEL_PREFIX.length()));
      } else if (label.getKey().equals(ROLE_LABEL) && !label.getValue().asString("").isEmpty()) {
        roles.add(label.getValue().asString(""));
      }
    });
    return roles;
  }

  private static String address(JsonNode node, String type) {
    return items(at(node, "status", "addresses")).stream()
        .filter(a -> text(a, "type").equals(type)).findFirst()
        .map(a -> text(a, "address")).orElse("<none>");
  }

  private static String unknownIfEmpty(String value) {
    return value.isEmpty() ? "<unknown>" : value;
  }
}
