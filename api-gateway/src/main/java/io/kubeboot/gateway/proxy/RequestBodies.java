package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import io.kubeboot.gateway.protobuf.ProtobufBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body and turns it into what resource-service accepts: JSON or YAML, or one of
 * the patch formats, which pass unchanged. Protobuf objects become JSON here, so resource-service reads one
 * format. Like upstream, a body is at most 3 MiB and a PATCH takes only patch formats.
 */
@Component
public class RequestBodies {

  private static final List<String> OBJECT_TYPES =
      List.of("application/json", "application/yaml", ProtobufBodies.MEDIA_TYPE);
  private static final List<String> PATCH_TYPES = List.of("application/json-patch+json",
      "application/merge-patch+json", "application/apply-patch+yaml", "application/strategic-merge-patch+json");
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final long limit;
  private final ProtobufBodies protobuf;
  private final JsonMapper json;

  RequestBodies(GatewayProperties properties, ProtobufBodies protobuf, JsonMapper json) {
    this.limit = properties.gateway().maxRequestBody().toBytes();
    this.protobuf = protobuf;
    this.json = json;
  }

  /** What to forward: the bytes and their Content-Type; {@link Body#NONE} for a request without body. */
  public record Body(byte[] bytes, String contentType) {

    static final Body NONE = new Body(new byte[0], null);

    public boolean isEmpty() {
      return bytes.length == 0;
    }
  }

  public Body read(HttpServletRequest request) {
    if (!WITH_BODY.contains(request.getMethod())) {
      return Body.NONE;
    }
    String contentType = request.getContentType();
    MediaType type = mediaType(contentType);
    String essence = type == null ? "" : type.getType() + "/" + type.getSubtype();
    if (essence.equals(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
      // Never a Kubernetes body, and the servlet container may already have parsed it away as parameters.
      throw unsupported(request.getMethod().equals("PATCH") ? PATCH_TYPES : OBJECT_TYPES);
    }
    byte[] bytes = readLimited(request);
    if (bytes.length == 0) {
      return Body.NONE;
    }
    if (request.getMethod().equals("PATCH")) {
      if (!PATCH_TYPES.contains(essence)) {
        throw unsupported(PATCH_TYPES);
      }
      return new Body(bytes, contentType);
    }
    return switch (essence) {
      case "application/json", "application/yaml" -> new Body(bytes, contentType);
      case ProtobufBodies.MEDIA_TYPE -> new Body(json.writeValueAsBytes(protobuf.toJson(bytes)), "application/json");
      default -> throw unsupported(OBJECT_TYPES);
    };
  }

  private byte[] readLimited(HttpServletRequest request) {
    // Refused on the declared length before reading, as upstream; a chunked body is cut at the limit.
    if (request.getContentLengthLong() > limit) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
    }
  }

  private ApiException tooLarge() {
    return ApiException.tooLarge("Request entity too large: limit is " + limit);
  }

  private static ApiException unsupported(List<String> accepted) {
    return ApiException.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted));
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }
}
