package io.kubeboot.gateway.table;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.gateway.AcceptHeader;
import io.kubeboot.gateway.Requests;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A read that asked for a {@code meta.k8s.io} Table in its Accept header ({@code kubectl get}
 * does, first choice v1, then v1beta1, then plain JSON), and what to put in it.
 *
 * @param version {@code v1} or {@code v1beta1}
 * @param includeObject the {@code includeObject} query parameter: None, Metadata (default) or Object
 * @param resource the plural resource, which chooses the printer
 * @param subresource null, or the subresource read ({@code status} prints like its resource)
 */
public record TableRequest(String version, IncludeObject includeObject, String resource, String subresource) {

  private static final String GROUP = "meta.k8s.io";
  private static final Set<String> READS = Set.of("get", "list", "watch");
  private static final List<String> VERSIONS = List.of("v1", "v1beta1");

  public enum IncludeObject { None, Metadata, Object }

  /** The Table this request asked for, or empty if it asked for the objects themselves. */
  public static Optional<TableRequest> of(HttpServletRequest request) {
    RequestInfo info = Requests.info(request);
    if (!info.resourceRequest() || !READS.contains(info.verb())) {
      return Optional.empty();
    }
    return AcceptHeader.firstChoice(request.getHeader(HttpHeaders.ACCEPT), TableRequest::tableVersion)
        .map(version -> new TableRequest(version, includeObject(Requests.queryParam(request, "includeObject")),
            info.resource(), info.subresource()));
  }

  /** The content type of the reply, which kubectl decodes by. */
  public String contentType() {
    return "application/json;as=Table;v=" + version + ";g=" + GROUP;
  }

  String apiVersion() {
    return GROUP + "/" + version;
  }

  private static Optional<String> tableVersion(MediaType type) {
    if (!"Table".equals(type.getParameter("as")) || !GROUP.equals(type.getParameter("g"))
        || !type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardSubtype()) {
      return Optional.empty();
    }
    return VERSIONS.stream().filter(v -> v.equals(type.getParameter("v"))).findFirst();
  }

  private static IncludeObject includeObject(String value) {
    if (value == null || value.isEmpty()) {
      return IncludeObject.Metadata;
    }
    for (IncludeObject option : IncludeObject.values()) {
      if (option.name().equals(value)) {
        return option;
      }
    }
    throw ApiException.badRequest(FieldError.notSupported("includeObject", value,
        List.of("Metadata", "None", "Object")).toString());
  }
}
