package io.kubeboot.gateway.discovery;

import io.kubeboot.gateway.AcceptHeader;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The forms of {@code /api} and {@code /apis}: aggregated (v2 or the older v2beta1, chosen by the
 * client's Accept header) or legacy, upstream's answer to any plain JSON request.
 */
enum DiscoveryFormat {
  LEGACY(null),
  V2("v2"),
  V2BETA1("v2beta1");

  private final String version;

  DiscoveryFormat(String version) {
    this.version = version;
  }

  static DiscoveryFormat negotiate(String accept) {
    return AcceptHeader.firstChoice(accept, DiscoveryFormat::aggregated).orElse(LEGACY);
  }

  private static Optional<DiscoveryFormat> aggregated(MediaType type) {
    if (!type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isWildcardSubtype()
        || !AggregatedDiscovery.KIND.equals(type.getParameter("as"))
        || !AggregatedDiscovery.GROUP.equals(type.getParameter("g"))) {
      return Optional.empty();
    }
    String version = type.getParameter("v");
    return version == null ? Optional.empty()
        : Arrays.stream(values()).filter(f -> version.equals(f.version)).findFirst();
  }

  String version() {
    return version;
  }

  /** The reply's Content-Type, exactly as kubectl expects it. */
  String contentType() {
    return "application/json;g=" + AggregatedDiscovery.GROUP + ";v=" + version + ";as=" + AggregatedDiscovery.KIND;
  }
}
