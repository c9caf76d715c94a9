package io.kubeboot.gateway.proxy;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * resource-service's whole answer to an ordinary (not long-running) request, as the client will
 * see it: the status, the headers that pass through, and the body.
 */
record ProxiedReply(int status, HttpHeaders headers, byte[] body) {

  /** Headers of resource-service's reply that the client sees too. */
  private static final List<String> PASSED_HEADERS =
      List.of("Warning", "Audit-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION);

  boolean isSuccess() {
    return status / 100 == 2;
  }

  /**
   * The client's headers from resource-service's, looked up by name: the content type always (a
   * type of our own choosing: left to Spring, an Accept of protobuf would label JSON so), and the
   * few others that pass.
   */
  static HttpHeaders passedHeaders(Function<String, List<String>> upstream) {
    HttpHeaders headers = new HttpHeaders();
    List<String> contentType = upstream.apply(HttpHeaders.CONTENT_TYPE);
    headers.set(HttpHeaders.CONTENT_TYPE,
        contentType.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : contentType.get(0));
    for (String name : PASSED_HEADERS) {
      upstream.apply(name).forEach(value -> headers.add(name, value));
    }
    return headers;
  }
}
