package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import io.kubeboot.gateway.auth.UserInfo;
import io.kubeboot.gateway.error.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a Kubernetes REST request on to resource-service: same method, path and query, the body
 * as {@link RequestBodies} made it, JSON asked for in return, and who is asking in
 * {@code X-Remote-User} / {@code X-Remote-Group} (the front-proxy convention; the client's own
 * such headers never pass). A transport failure is a 503 Status, never a stack trace.
 */
@Component
class ResourceServiceClient {

  static final String REMOTE_USER = "X-Remote-User";
  static final String REMOTE_GROUP = "X-Remote-Group";

  private final HttpClient http;
  private final String baseUrl;
  private final Duration requestTimeout;

  ResourceServiceClient(HttpClient http, GatewayProperties properties) {
    this.http = http;
    this.baseUrl = properties.resourceService().url().toString().replaceFirst("/+$", "");
    this.requestTimeout = properties.resourceService().requestTimeout();
  }

  /**
   * Returns once the response headers arrive; the caller owns the body stream.
   *
   * @param longRunning no time limit: a watch or a followed log ends when either side closes it
   */
  HttpResponse<InputStream> send(HttpServletRequest request, RequestBodies.Body body, boolean longRunning) {
    HttpRequest.Builder upstream = HttpRequest.newBuilder(target(request))
        .method(request.getMethod(),
            body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.bytes()))
        .header(HttpHeaders.ACCEPT, "application/json");
    if (!longRunning) {
      upstream.timeout(requestTimeout);
    }
    if (body.contentType() != null) {
      upstream.header(HttpHeaders.CONTENT_TYPE, body.contentType());
    }
    if (request.getHeader(HttpHeaders.USER_AGENT) != null) {
      upstream.header(HttpHeaders.USER_AGENT, request.getHeader(HttpHeaders.USER_AGENT));
    }
    UserInfo user = UserInfo.of(request);
    if (user != null) {
      upstream.header(REMOTE_USER, user.name());
      user.groups().forEach(group -> upstream.header(REMOTE_GROUP, group));
    }
    try {
      return http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw unavailable(e);
    } catch (HttpTimeoutException e) {
      throw ApiException.timeout(
          "the server was unable to return a response in the time allotted, but may still be processing the request");
    } catch (IOException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  private URI target(HttpServletRequest request) {
    String query = request.getQueryString();
    try {
      return URI.create(baseUrl + request.getRequestURI() + (query == null ? "" : "?" + query));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed request URI: " + e.getMessage());
    }
  }

  static ApiException unavailable(Exception cause) {
    return ApiErrors.serviceUnavailable("the server is currently unable to handle the request: resource-service: "
        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
  }
}
