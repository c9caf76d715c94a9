package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** CronJobs: the schedule, whether suspended, how many jobs run and when the last was scheduled. */
@Component
class CronJobPrinter extends ResourcePrinter {

  CronJobPrinter() {
    super(Set.of("cronjobs"), PodTemplates.columns(
        Column.objectName(),
        Column.string("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
        Column.string("Timezone", "The time zone name for the given schedule."),
        Column.string("Suspend", "This flag tells the controller to suspend subsequent executions.")
            .ofType("boolean"),
        Column.integer("Active", "A list of pointers to currently running jobs."),
        Column.string("Last Schedule", "Information when was the last time the job was successfully scheduled."),
        Column.age()));
  }

  @Override
  List<Object> cells(JsonNode cronJob, Instant now) {
    JsonNode spec = cronJob.path("spec");
    JsonNode jobSpec = at(spec, "jobTemplate", "spec");
    JsonNode lastSchedule = at(cronJob, "status", "lastScheduleTime");
    return PodTemplates.cells(at(jobSpec, "template", "spec"), jobSpec.path("selector"),
        Fields.name(cronJob),
        text(spec, "schedule"),
        Fields.orNone(text(spec, "timeZone")),
        Fields.flag(spec, "suspend"),
        (long) Fields.count(at(cronJob, "status", "active")),
        Fields.time(lastSchedule) == null ? "<none>" : Fields.since(lastSchedule, now),
        Fields.age(cronJob, now));
  }
}
