package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** RoleBindings and ClusterRoleBindings: the role, and with {@code -o wide} who it is bound to. */
@Component
class RoleBindingPrinter extends ResourcePrinter {

  RoleBindingPrinter() {
    super(Set.of("rolebindings", "clusterrolebindings"), List.of(
        Column.objectName(),
        Column.string("Role", "RoleRef references the role bound to the subjects."),
        Column.age(),
        Column.string("Users", "Users in the binding").wide(),
        Column.string("Groups", "Groups in the binding").wide(),
        Column.string("ServiceAccounts", "ServiceAccounts in the binding").wide()));
  }

  @Override
  List<Object> cells(JsonNode binding, Instant now) {
    JsonNode roleRef = binding.path("roleRef");
    return List.of(
        Fields.name(binding),
        text(roleRef, "kind") + "/" + text(roleRef, "name"),
        Fields.age(binding, now),
        subjects(binding, "User"),
        subjects(binding, "Group"),
        subjects(binding, "ServiceAccount"));
  }

  /** Names of one kind of subject; service accounts as {@code namespace:name}. */
  private static String subjects(JsonNode binding, String kind) {
    return items(binding.path("subjects")).stream()
        .filter(subject -> text(subject, "kind").equals(kind))
        .map(subject -> kind.equals("ServiceAccount")
            ? text(subject, "namespace") + ":" + text(subject, "name")
            : text(subject, "name"))
        .collect(Collectors.joining(", "));
  }
}
