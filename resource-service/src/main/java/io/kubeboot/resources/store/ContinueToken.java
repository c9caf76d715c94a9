package io.kubeboot.resources.store;

import io.kubeboot.common.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} of a paged list: where the previous page stopped and the
 * resourceVersion of the first page. Every page reports that first version, so that a watch
 * started after the last page replays whatever changed while paging: duplicates at worst,
 * never a missed change.
 */
record ContinueToken(long resourceVersion, String namespace, String name) {

  String encode() {
    String raw = resourceVersion + "\n" + namespace + "\n" + name;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static ContinueToken decode(String token) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
      return new ContinueToken(Long.parseLong(parts[0]), parts[1], parts[2]);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("invalid continue token: " + e.getMessage());
    }
  }
}
