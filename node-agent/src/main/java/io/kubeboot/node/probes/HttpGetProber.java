package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code httpGet}: a GET to the pod IP (or {@code host}) on the probe's port and path, with its
 * headers; a status from 200 to 399 is success, as upstream. Redirects are not followed (a 3xx is
 * already a success). HTTPS is not offered: upstream skips certificate checks there, which this
 * agent does not do silently.
 */
final class HttpGetProber {

  static final String USER_AGENT = "kube-probe/1.33";
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  ProbeOutcome probe(HTTPGetAction action, ProbeTarget target, Duration timeout) {
    String scheme = action.getScheme() == null ? "HTTP" : action.getScheme().toUpperCase(Locale.ROOT);
    if (!"HTTP".equals(scheme)) {
      return ProbeOutcome.error("scheme " + scheme + " is not supported by this node");
    }
    ProbeTarget.Address address;
    try {
      address = target.address(action.getHost(), action.getPort());
    } catch (IllegalArgumentException e) {
      return ProbeOutcome.error(e.getMessage());
    }
    String host = address.host();
    String path = action.getPath() == null ? "/" : action.getPath().startsWith("/") ? action.getPath()
        : "/" + action.getPath();
    URI url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.port() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
        .header("User-Agent", USER_AGENT).header("Accept", "*/*");
    for (HTTPHeader header : action.getHttpHeaders()) {
      if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
        request.setHeader(header.getName(), header.getValue());
      }
    }
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 400) {
        return ProbeOutcome.success("");
      }
      return ProbeOutcome.failure("HTTP probe failed with statuscode: " + status);
    } catch (IOException e) {
      return ProbeOutcome.failure("Get \"" + url + "\": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeOutcome.error("interrupted");
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }
}
