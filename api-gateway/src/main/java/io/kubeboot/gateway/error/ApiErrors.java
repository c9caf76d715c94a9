package io.kubeboot.gateway.error;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.kubeboot.common.api.ApiException;
import java.util.Map;

/**
 * The gateway's own failures that {@link ApiException} has no factory for, with upstream's reasons
 * and wording (k8s.io/apimachinery/pkg/api/errors).
 */
public final class ApiErrors {

  /** Upstream's reason for each HTTP code it can answer with (NewGenericServerResponse). */
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "BadRequest"),
      Map.entry(401, "Unauthorized"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "NotFound"),
      Map.entry(405, "MethodNotAllowed"),
      Map.entry(406, "NotAcceptable"),
      Map.entry(409, "Conflict"),
      Map.entry(410, "Expired"),
      Map.entry(413, "RequestEntityTooLarge"),
      Map.entry(415, "UnsupportedMediaType"),
      Map.entry(422, "Invalid"),
      Map.entry(429, "TooManyRequests"),
      Map.entry(503, "ServiceUnavailable"),
      Map.entry(504, "Timeout"));

  private ApiErrors() {
  }

  /** The Status for a path nothing serves, worded as upstream's 404. */
  public static ApiException pathNotFound() {
    return ApiException.notFound("the server could not find the requested resource");
  }

  public static ApiException serviceUnavailable(String message) {
    return of(503, message);
  }

  /** A failure with only an HTTP code and a message; 5xx codes without a reason become InternalError. */
  public static ApiException of(int code, String message) {
    String reason = REASONS.getOrDefault(code, code >= 500 ? "InternalError" : "Unknown");
    return new ApiException(new StatusBuilder()
        .withApiVersion("v1").withKind("Status")
        .withNewMetadata().endMetadata()
        .withStatus("Failure").withMessage(message).withReason(reason).withCode(code)
        .build());
  }
}
