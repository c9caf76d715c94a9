package io.kubeboot.common.api;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.util.List;

/**
 * A failure the API reports to its client as a Kubernetes {@link Status} with an HTTP code and a
 * reason, as upstream's {@code k8s.io/apimachinery/pkg/api/errors} does. Thrown anywhere below a
 * handler; one exception handler per service turns it into the response.
 */
public class ApiException extends RuntimeException {

  private final transient Status status;

  public ApiException(Status status) {
    super(status.getMessage());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.getCode();
  }

  public String reason() {
    return status.getReason();
  }

  public static ApiException badRequest(String message) {
    return of(400, "BadRequest", message, null, null, List.of());
  }

  public static ApiException unauthorized(String message) {
    return of(401, "Unauthorized", message, null, null, List.of());
  }

  public static ApiException forbidden(String groupResource, String name, String message) {
    return of(403, "Forbidden", message, groupResource, name, List.of());
  }

  public static ApiException notFound(String groupResource, String name) {
    return of(404, "NotFound", qualified(groupResource, name) + " not found", groupResource, name, List.of());
  }

  public static ApiException notFound(String message) {
    return of(404, "NotFound", message, null, null, List.of());
  }

  public static ApiException methodNotAllowed(String message) {
    return of(405, "MethodNotAllowed", message, null, null, List.of());
  }

  public static ApiException notAcceptable(String message) {
    return of(406, "NotAcceptable", message, null, null, List.of());
  }

  public static ApiException alreadyExists(String groupResource, String name) {
    return of(409, "AlreadyExists", qualified(groupResource, name) + " already exists", groupResource, name, List.of());
  }

  /** The optimistic-concurrency failure: the object changed since the client read it. */
  public static ApiException conflict(String groupResource, String name, String why) {
    return of(409, "Conflict", "Operation cannot be fulfilled on " + qualified(groupResource, name) + ": " + why,
        groupResource, name, List.of());
  }

  /** 410 Gone: the requested resourceVersion has been compacted away. */
  public static ApiException expired(String message) {
    return of(410, "Expired", message, null, null, List.of());
  }

  public static ApiException tooLarge(String message) {
    return of(413, "RequestEntityTooLarge", message, null, null, List.of());
  }

  public static ApiException unsupportedMediaType(String message) {
    return of(415, "UnsupportedMediaType", message, null, null, List.of());
  }

  /**
   * 422 Invalid with one cause per field error, worded like upstream:
   * {@code Deployment.apps "x" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0}.
   */
  public static ApiException invalid(String kind, String group, String name, List<FieldError> errors) {
    String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
    StringBuilder message = new StringBuilder(qualifiedKind + " \"" + name + "\" is invalid: ");
    if (errors.size() > 1) {
      message.append('[');
    }
    for (int i = 0; i < errors.size(); i++) {
      message.append(i == 0 ? "" : ", ").append(errors.get(i));
    }
    if (errors.size() > 1) {
      message.append(']');
    }
    List<StatusCause> causes = errors.stream()
        .map(e -> new StatusCause(e.field(), e.toString(), e.type().reason()))
        .toList();
    Status status = base(422, "Invalid", message.toString(), group, kind, name, causes);
    status.getDetails().setKind(kind);
    return new ApiException(status);
  }

  public static ApiException internal(String message) {
    return of(500, "InternalError", "Internal error occurred: " + message, null, null, List.of());
  }

  public static ApiException timeout(String message) {
    return of(504, "Timeout", message, null, null, List.of());
  }

  private static String qualified(String groupResource, String name) {
    return groupResource + " \"" + name + "\"";
  }

  private static ApiException of(int code, String reason, String message, String groupResource, String name,
      List<StatusCause> causes) {
    String group = null;
    String kind = groupResource;
    if (groupResource != null && groupResource.contains(".")) {
      kind = groupResource.substring(0, groupResource.indexOf('.'));
      group = groupResource.substring(groupResource.indexOf('.') + 1);
    }
    return new ApiException(base(code, reason, message, group, kind, name, causes));
  }

  private static Status base(int code, String reason, String message, String group, String kind, String name,
      List<StatusCause> causes) {
    StatusBuilder builder = new StatusBuilder()
        .withApiVersion("v1").withKind("Status")
        .withNewMetadata().endMetadata()
        .withStatus("Failure").withMessage(message).withReason(reason).withCode(code);
    if (kind != null || name != null || !causes.isEmpty()) {
      builder.withNewDetails().withName(name).withGroup(group).withKind(kind)
          .withCauses(causes.isEmpty() ? null : causes).endDetails();
    }
    return builder.build();
  }
}
