package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's core/v1 event validation, which only checks that the event lives in its involved
 * object's namespace (cluster-scoped objects' events go to "default") and, for events with an
 * eventTime, the reporting fields. Names are any path segment, as for every v1 Event.
 */
final class Events extends BaseStrategy<Event> {

  private static final FieldPath INVOLVED_NAMESPACE = FieldPath.of("involvedObject", "namespace");

  Events(ResourceType resourceType) {
    super(resourceType, Event.class, NameRule.PATH_SEGMENT, null);
  }

  @Override
  List<FieldError> validateObject(Event event) {
    List<FieldError> errors = new ArrayList<>();
    String namespace = Nulls.string(event.getMetadata().getNamespace());
    ObjectReference involved = event.getInvolvedObject() == null ? new ObjectReference() : event.getInvolvedObject();
    String involvedNamespace = Nulls.string(involved.getNamespace());
    boolean legacy = event.getEventTime() == null || Nulls.isEmpty(event.getEventTime().getTime());
    boolean namespaceMatches = involvedNamespace.isEmpty()
        ? namespace.isEmpty() || namespace.equals("default") || !legacy && namespace.equals("kube-system")
        : namespace.equals(involvedNamespace);
    if (!namespaceMatches) {
      errors.add(FieldErrors.invalid(INVOLVED_NAMESPACE, involvedNamespace, "does not match event.namespace"));
    }
    if (!legacy) {
      errors.addAll(reportingFields(event));
    }
    return errors;
  }

  private static List<FieldError> reportingFields(Event event) {
    List<FieldError> errors = new ArrayList<>();
    String controller = Nulls.string(event.getReportingComponent());
    if (controller.isEmpty()) {
      errors.add(FieldErrors.required(FieldPath.of("reportingController")));
    }
    errors.addAll(FieldErrors.invalidEach(FieldPath.of("reportingController"), controller,
        StringFormats.qualifiedName(controller)));
    errors.addAll(limited(event.getReportingInstance(), "reportingInstance", 128, true));
    errors.addAll(limited(event.getAction(), "action", 128, true));
    errors.addAll(limited(event.getReason(), "reason", 128, true));
    errors.addAll(limited(event.getMessage(), "message", 1024, false));
    return errors;
  }

  private static List<FieldError> limited(String value, String field, int max, boolean required) {
    if (required && Nulls.isEmpty(value)) {
      return List.of(FieldErrors.required(FieldPath.of(field)));
    }
    if (Nulls.string(value).length() > max) {
      return List.of(FieldErrors.invalid(FieldPath.of(field), "", "can have at most " + max + " characters"));
    }
    return List.of();
  }
}
