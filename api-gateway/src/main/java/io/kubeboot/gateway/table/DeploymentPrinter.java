package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.number;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Deployments: READY is ready of desired replicas, then UP-TO-DATE and AVAILABLE. */
@Component
class DeploymentPrinter extends ResourcePrinter {

  DeploymentPrinter() {
    super(Set.of("deployments"), PodTemplates.columns(
        Column.objectName(),
        Column.string("Ready", "Number of the pod with ready state"),
        Column.integer("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the "
            + "desired template spec."),
        Column.integer("Available", "Total number of available pods (ready for at least minReadySeconds) targeted "
            + "by this deployment."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode deployment, Instant now) {
    JsonNode spec = deployment.path("spec");
    JsonNode status = deployment.path("status");
    return PodTemplates.cells(at(spec, "template", "spec"), spec.path("selector"),
        Fields.name(deployment),
        number(status, "readyReplicas") + "/" + spec.path("replicas").asLong(1),
        number(status, "updatedReplicas"),
        number(status, "availableReplicas"),
        Fields.age(deployment, now));
  }
}
