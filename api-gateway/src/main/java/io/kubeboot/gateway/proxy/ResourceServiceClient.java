package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import io.kubeboot.gateway.auth.UserInfo;
import io.kubeboot.gateway.error.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends a Kubernetes REST request on to resource-service: same method, path and query, the body
 * as {@link RequestBodies} made it, JSON asked for in return, and who is asking in
 * {@code X-Remote-User} / {@code X-Remote-Group} (the front-proxy convention; the client's own
 * such headers never pass). A transport failure is a 503 Status, never a stack trace.
 *
 * <p>Two transports, each for what it does best. Ordinary requests, nearly all of the traffic, go
 * through Apache's blocking client: the calling thread writes and reads the socket itself, where
 * the JDK client hands every exchange between its selector thread and futures (a quarter of the
 * gateway's CPU per request). Long-running responses (watches, followed logs) go through the JDK
 * client, whose body stream, once closed, drops the connection at once; closing Apache's would
 * read an endless watch to its end.
 */
@Component
class ResourceServiceClient {

  static final String REMOTE_USER = "X-Remote-User";
  static final String REMOTE_GROUP = "X-Remote-Group";

  private final CloseableHttpClient requests;
  private final HttpClient streams;
  private final HttpHost target;
  private final String baseUrl;

  ResourceServiceClient(CloseableHttpClient requests, HttpClient streams, GatewayProperties properties) {
    this.requests = requests;
    this.streams = streams;
    this.target = HttpHost.create(properties.resourceService().url());
    this.baseUrl = properties.resourceService().url().toString().replaceFirst("/+$", "");
  }

  /** An ordinary request: returns resource-service's whole reply. */
  ProxiedReply exchange(HttpServletRequest request, RequestBodies.Body body) {
    BasicClassicHttpRequest upstream = new BasicClassicHttpRequest(request.getMethod(), target, pathAndQuery(request));
    if (!body.isEmpty()) {
      upstream.setEntity(new ByteArrayEntity(body.bytes(), null));
    }
    forwardHeaders(request, body, upstream::addHeader);
    try {
      return requests.execute(target, upstream, reply -> new ProxiedReply(reply.getCode(),
          ProxiedReply.passedHeaders(name -> Arrays.stream(reply.getHeaders(name)).map(h -> h.getValue()).toList()),
          reply.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(reply.getEntity())));
    } catch (ConnectTimeoutException e) {
      throw unavailable(e);
    } catch (InterruptedIOException e) {
      throw timeout();
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /**
   * A long-running request (a watch, a followed log): returns once the response headers arrive;
   * the caller owns the body stream, and closing it ends the exchange.
   */
  HttpResponse<InputStream> stream(HttpServletRequest request, RequestBodies.Body body) {
    HttpRequest.Builder upstream = HttpRequest.newBuilder(target(request))
        .method(request.getMethod(),
            body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.bytes()));
    forwardHeaders(request, body, upstream::header);
    try {
      return streams.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw unavailable(e);
    } catch (HttpTimeoutException e) {
      throw timeout();
    } catch (IOException e) {
      throw unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    }
  }

  private static void forwardHeaders(HttpServletRequest request, RequestBodies.Body body,
      BiConsumer<String, String> header) {
    header.accept(HttpHeaders.ACCEPT, "application/json");
    if (body.contentType() != null) {
      header.accept(HttpHeaders.CONTENT_TYPE, body.contentType());
    }
    if (request.getHeader(HttpHeaders.USER_AGENT) != null) {
      header.accept(HttpHeaders.USER_AGENT, request.getHeader(HttpHeaders.USER_AGENT));
    }
    UserInfo user = UserInfo.of(request);
    if (user != null) {
      header.accept(REMOTE_USER, user.name());
      user.groups().forEach(group -> header.accept(REMOTE_GROUP, group));
    }
  }

  private static String pathAndQuery(HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }

  private URI target(HttpServletRequest request) {
    try {
      return URI.create(baseUrl + pathAndQuery(request));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed request URI: " + e.getMessage());
    }
  }

  private static ApiException timeout() {
    return ApiException.timeout(
        "the server was unable to return a response in the time allotted, but may still be processing the request");
  }

  static ApiException unavailable(Exception cause) {
    return ApiErrors.serviceUnavailable("the server is currently unable to handle the request: resource-service: "
        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
  }
}
