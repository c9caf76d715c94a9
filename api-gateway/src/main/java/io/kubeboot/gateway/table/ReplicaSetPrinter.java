package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** ReplicaSets: DESIRED, CURRENT and READY replica counts. */
@Component
class ReplicaSetPrinter extends ResourcePrinter {

  ReplicaSetPrinter() {
    super(Set.of("replicasets"), PodTemplates.columns(
        Column.objectName(),
        Column.integer("Desired", "Replicas is the number of desired replicas."),
        Column.integer("Current", "Replicas is the most recently observed number of replicas."),
        Column.integer("Ready", "The number of ready replicas for this replica set."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode replicaSet, Instant now) {
    JsonNode spec = replicaSet.path("spec");
    return PodTemplates.cells(at(spec, "template", "spec"), spec.path("selector"),
        Fields.name(replicaSet),
        spec.path("replicas").asLong(1),
        number(replicaSet, "status", "replicas"),
        number(replicaSet, "status", "readyReplicas"),
        Fields.age(replicaSet, now));
  }
}
