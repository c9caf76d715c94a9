package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** StatefulSets: READY is ready of desired replicas. */
@Component
class StatefulSetPrinter extends ResourcePrinter {

  StatefulSetPrinter() {
    super(Set.of("statefulsets"), List.of(
        Column.objectName(),
        Column.string("Ready", "Number of the pod with ready state"),
        Column.age(),
        Column.containers(),
        Column.images()));
  }

  @Override
  List<Object> cells(JsonNode statefulSet, Instant now) {
    JsonNode podSpec = at(statefulSet, "spec", "template", "spec");
    return List.of(
        Fields.name(statefulSet),
        number(statefulSet, "status", "readyReplicas") + "/" + at(statefulSet, "spec", "replicas").asLong(1),
        Fields.age(statefulSet, now),
        PodTemplates.containers(podSpec),
        PodTemplates.images(podSpec));
  }
}
