package io.kubeboot.resources.patch;

import io.kubeboot.common.api.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The patch formats a PATCH request may carry, told apart by its Content-Type as upstream does. */
public enum PatchType {
  /** RFC 6902 operations; kubectl {@code rollout undo} sends it. */
  JSON("application/json-patch+json"),
  /** RFC 7386 merge patch; kubectl {@code label}, {@code scale}. */
  MERGE("application/merge-patch+json"),
  /** Kubernetes strategic merge patch; kubectl {@code set image}, {@code apply}, {@code rollout restart}. */
  STRATEGIC("application/strategic-merge-patch+json");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The patch type of a request's Content-Type, parameters such as {@code ;charset=utf-8} ignored.
   * Server-side apply ({@code application/apply-patch+yaml}) is not supported yet, so it is refused
   * like any other type, with upstream's wording minus the types this server does not accept.
   */
  public static PatchType fromContentType(String contentType) {
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(type -> type.mediaType.equals(mediaType))
        .findFirst()
        .orElseThrow(() -> ApiException.unsupportedMediaType(
            "the body of the request was in an unknown format - accepted media types include: "
                + Arrays.stream(values()).map(PatchType::mediaType).collect(Collectors.joining(", "))));
  }
}
