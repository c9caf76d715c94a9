package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** DaemonSets: how many nodes should run, run, and run ready and up-to-date copies. */
@Component
class DaemonSetPrinter extends ResourcePrinter {

  DaemonSetPrinter() {
    super(Set.of("daemonsets"), PodTemplates.columns(
        Column.objectName(),
        Column.integer("Desired", "The total number of nodes that should be running the daemon pod."),
        Column.integer("Current", "The number of nodes that are running at least one daemon pod."),
        Column.integer("Ready", "The number of nodes that should be running the daemon pod and have one or more of "
            + "the daemon pod running and ready."),
        Column.integer("Up-to-date", "The total number of nodes that are running updated daemon pod"),
        Column.integer("Available", "The number of nodes that should be running the daemon pod and have one or more "
            + "of the daemon pod running and available."),
        Column.string("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode daemonSet, Instant now) {
    JsonNode status = daemonSet.path("status");
    JsonNode podSpec = at(daemonSet, "spec", "template", "spec");
    return PodTemplates.cells(podSpec, at(daemonSet, "spec", "selector"),
        Fields.name(daemonSet),
        number(status, "desiredNumberScheduled"),
        number(status, "currentNumberScheduled"),
        number(status, "numberReady"),
        number(status, "updatedNumberScheduled"),
        number(status, "numberAvailable"),
        Fields.labels(podSpec.path("nodeSelector")),
        Fields.age(daemonSet, now));
  }
}
