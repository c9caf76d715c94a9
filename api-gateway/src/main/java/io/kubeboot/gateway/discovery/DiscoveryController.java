package io.kubeboot.gateway.discovery;

import io.kubeboot.gateway.error.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Discovery: {@code /api} and {@code /apis} in the form the client asks for, and the legacy
 * per-group documents kubectl fetches when it gets the legacy form. Deeper paths are resource
 * requests for the proxy.
 */
@RestController
class DiscoveryController {

  private final DiscoveryDocuments documents;

  DiscoveryController(DiscoveryDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/api")
  ResponseEntity<Object> core(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request) {
    DiscoveryFormat format = DiscoveryFormat.negotiate(accept);
    if (format == DiscoveryFormat.LEGACY) {
      return json(documents.coreVersions(request.getServerName() + ":" + request.getServerPort()));
    }
    return aggregated(format, documents.aggregated(true, format.version()));
  }

  @GetMapping("/apis")
  ResponseEntity<Object> groups(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    DiscoveryFormat format = DiscoveryFormat.negotiate(accept);
    if (format == DiscoveryFormat.LEGACY) {
      return json(documents.groupList());
    }
    return aggregated(format, documents.aggregated(false, format.version()));
  }

  @GetMapping("/api/{version}")
  ResponseEntity<Object> coreResources(@PathVariable String version) {
    return json(documents.resourceList("", version).orElseThrow(ApiErrors::pathNotFound));
  }

  @GetMapping("/apis/{group}")
  ResponseEntity<Object> group(@PathVariable String group) {
    return json(documents.group(group).orElseThrow(ApiErrors::pathNotFound));
  }

  @GetMapping("/apis/{group}/{version}")
  ResponseEntity<Object> groupResources(@PathVariable String group, @PathVariable String version) {
    return json(documents.resourceList(group, version).orElseThrow(ApiErrors::pathNotFound));
  }

  private static ResponseEntity<Object> json(Object body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(body);
  }

  private static ResponseEntity<Object> aggregated(DiscoveryFormat format, Object body) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
  }
}
