package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The scheduler's writes (bindings, events, pod conditions) as asynchronous requests on the API
 * client's own HTTP client, so its token and TLS settings apply. A scheduling cycle takes
 * microseconds and a write milliseconds: writing asynchronously keeps the cycle from waiting, and
 * a cap on requests in flight keeps a burst of pods from flooding the API.
 */
final class ApiRequests {

  private final HttpClient http;
  private final String baseUrl;
  private final Semaphore inFlight;

  ApiRequests(KubernetesClient client, int maxInFlight) {
    this.http = client.getHttpClient();
    String master = client.getMasterUrl().toString();
    this.baseUrl = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** Sends the request once a slot is free; completes with the response, or exceptionally on an I/O failure. */
  CompletableFuture<Response> send(String method, String path, String contentType, String body) {
    inFlight.acquireUninterruptibly();
    try {
      HttpRequest request = http.newHttpRequestBuilder().uri(baseUrl + path)
          .method(method, contentType, body).build();
      return http.sendAsync(request, String.class)
          .thenApply(response -> new Response(response.code(), response.body()))
          .whenComplete((response, failure) -> inFlight.release());
    } catch (RuntimeException e) {
      inFlight.release();
      return CompletableFuture.failedFuture(e);
    }
  }

  record Response(int code, String body) {
    boolean isSuccess() {
      return code >= 200 && code < 300;
    }
  }
}
