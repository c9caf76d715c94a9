package io.kubeboot.gateway.openapi;

import io.kubeboot.gateway.error.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /openapi/v3} and its group-version documents. {@code /openapi/v2} stays 404: kubectl asks
 * for it only as protobuf, and treats 404 as "no v2" after reading v3.
 */
@RestController
class OpenApiController {

  private static final String V3 = "/openapi/v3";

  private final OpenApiDocuments documents;

  OpenApiController(OpenApiDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/openapi/v2")
  void v2() {
    throw ApiErrors.pathNotFound();
  }

  @GetMapping(V3)
  ResponseEntity<byte[]> index() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(documents.index());
  }

  /** A hashed URL names one version of a document forever, so such a reply may be cached for good. */
  @GetMapping(V3 + "/**")
  ResponseEntity<byte[]> groupVersion(HttpServletRequest request, @RequestParam(required = false) String hash) {
    String groupVersion = request.getRequestURI().substring(V3.length() + 1);
    OpenApiDocuments.Document document = documents.document(groupVersion).orElseThrow(ApiErrors::pathNotFound);
    CacheControl cache = document.hash().equals(hash)
        ? CacheControl.empty().cachePublic().immutable()
        : CacheControl.noCache();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(cache)
        .eTag("\"" + document.hash() + "\"").body(document.json());
  }
}
