package io.kubeboot.gateway;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the gateway's filters and handlers read about the request in front of them. The
 * {@link RequestInfo} is resolved once and kept on the request.
 *
 * <p>Query parameters are parsed from the raw query string on purpose: the servlet's
 * {@code getParameter} would read a form-encoded body, which belongs to resource-service.
 */
public final class Requests {

  private static final String INFO = Requests.class.getName() + ".info";

  private Requests() {
  }

  public static RequestInfo info(HttpServletRequest request) {
    RequestInfo info = (RequestInfo) request.getAttribute(INFO);
    if (info == null) {
      info = resolve(request);
      request.setAttribute(INFO, info);
    }
    return info;
  }

  /** The first value of a query parameter, decoded; null when absent. */
  public static String queryParam(HttpServletRequest request, String name) {
    return queryParam(request.getQueryString(), name);
  }

  static String queryParam(String query, String name) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static RequestInfo resolve(HttpServletRequest request) {
    String path = request.getRequestURI();
    try {
      return RequestInfo.resolve(request.getMethod(), path, name -> queryParam(request, name));
    } catch (ApiException e) {
      // A path like /api/v1/watch names no resource; treat it as a plain path and let the
      // resource service answer it.
      return new RequestInfo(false, request.getMethod().toLowerCase(Locale.ROOT),
          null, null, null, null, null, null, null, path);
    }
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
