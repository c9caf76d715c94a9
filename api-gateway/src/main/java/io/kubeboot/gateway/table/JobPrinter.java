package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.number;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Jobs: STATUS from the conditions, COMPLETIONS as succeeded/wanted, DURATION of the run so far. */
@Component
class JobPrinter extends ResourcePrinter {

  /** The condition that names the status, checked in this order; deletion ranks after the final ones. */
  private static final List<String> FINAL = List.of("Complete", "Failed");

  private static final List<String> TRANSIENT = List.of("Suspended", "FailureTarget", "SuccessCriteriaMet");

  JobPrinter() {
    super(Set.of("jobs"), PodTemplates.columns(
        Column.objectName(),
        Column.string("Status", "Status of the job."),
        Column.string("Completions", "The number of pods which reached phase Succeeded."),
        Column.string("Duration", "Time required to complete the job."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode job, Instant now) {
    JsonNode spec = job.path("spec");
    JsonNode status = job.path("status");
    return PodTemplates.cells(at(spec, "template", "spec"), spec.path("selector"),
        Fields.name(job),
        status(job),
        completions(spec, number(status, "succeeded")),
        duration(status, now),
        Fields.age(job, now));
  }

  private static String completions(JsonNode spec, long succeeded) {
    if (spec.path("completions").isNumber()) {
      return succeeded + "/" + spec.path("completions").asLong();
    }
    long parallelism = spec.path("parallelism").asLong(0);
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String duration(JsonNode status, Instant now) {
    Instant start = Fields.time(status.path("startTime"));
    if (start == null) {
      return "";
    }
    Instant end = Fields.time(status.path("completionTime"));
    return HumanDuration.format(Duration.between(start, end == null ? now : end));
  }

  private static String status(JsonNode job) {
    JsonNode status = job.path("status");
    for (String condition : FINAL) {
      if (hasCondition(status, condition)) {
        return condition;
      }
    }
    if (!at(job, "metadata", "deletionTimestamp").isMissingNode()) {
      return "Terminating";
    }
    for (String condition : TRANSIENT) {
      if (hasCondition(status, condition)) {
        return condition;
      }
    }
    return "Running";
  }

  private static boolean hasCondition(JsonNode status, String type) {
    return items(status.path("conditions")).stream()
        .anyMatch(c -> text(c, "type").equals(type) && text(c, "status").equals("True"));
  }
}
