package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Events: when last seen, type, reason, the object ({@code pod/web-1}) and the message. Events
 * written through the newer events API have an eventTime and a series instead of timestamps and
 * count; both are read.
 */
@Component
class EventPrinter extends ResourcePrinter {

  EventPrinter() {
    super(Set.of("events"), List.of(
        Column.string("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        Column.string("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        Column.string("Reason", "This should be a short, machine understandable string that gives the reason for the "
            + "transition into the object's current status."),
        Column.string("Object", "The object that this event is about."),
        Column.string("Subobject", "The field of the object this event is about.").wide(),
        Column.string("Source", "The component reporting this event.").wide(),
        Column.string("Message", "A human-readable description of the status of this operation."),
        Column.string("First Seen", "The time at which the event was first recorded.").wide(),
        Column.string("Count", "The number of times this event has occurred.").wide(),
        new Column("Name", "string", "name", "Name must be unique within a namespace.", 1)));
  }

  @Override
  List<Object> cells(JsonNode event, Instant now) {
    String firstSeen = Fields.time(event.path("firstTimestamp")) != null
        ? Fields.since(event.path("firstTimestamp"), now)
        : Fields.since(event.path("eventTime"), now);
    String lastSeen = Fields.time(event.path("lastTimestamp")) != null
        ? Fields.since(event.path("lastTimestamp"), now)
        : firstSeen;
    long count = event.path("count").asLong(0);
    if (event.path("series").isObject()) {
      lastSeen = Fields.since(at(event, "series", "lastObservedTime"), now);
      count = at(event, "series", "count").asLong(0);
    } else if (count == 0) {
      count = 1; // the newer API leaves a single occurrence uncounted
    }
    JsonNode involved = event.path("involvedObject");
    String kind = text(involved, "kind").toLowerCase(Locale.ROOT);
    String object = text(involved, "name").isEmpty() ? kind : kind + "/" + text(involved, "name");
    return List.of(
        lastSeen,
        text(event, "type"),
        text(event, "reason"),
        object,
        text(involved, "fieldPath"),
        source(event),
        text(event, "message").strip(),
        firstSeen,
        count,
        Fields.name(event));
  }

  /** {@code component, host} from source, else from the reporting controller and instance. */
  private static String source(JsonNode event) {
    String component = firstNonEmpty(text(event, "source", "component"), text(event, "reportingComponent"));
    String instance = firstNonEmpty(text(event, "source", "host"), text(event, "reportingInstance"));
    return instance.isEmpty() ? component : component + ", " + instance;
  }

  private static String firstNonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
