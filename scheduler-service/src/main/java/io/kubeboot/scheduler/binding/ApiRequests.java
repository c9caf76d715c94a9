package io.kubeboot.scheduler.binding;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.kubeboot.common.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * The scheduler's writes (bindings, events, pod conditions) as asynchronous requests: a
 * scheduling cycle takes microseconds and a write milliseconds, so writing asynchronously keeps
 * the cycle from waiting, and a cap on requests in flight keeps a burst of pods from flooding the
 * API. Each request runs on a writer thread of its own through Apache's blocking client, with the
 * API client's server, token and TLS settings. Not the fabric8 client's own asynchronous HTTP
 * (the JDK's): handing each exchange through its TLS flow and futures took more of the
 * scheduler's CPU than scheduling did (JFR, bench scheduler).
 */
final class ApiRequests implements AutoCloseable {

  private final CloseableHttpClient http;
  private final ExecutorService writers;
  private final String baseUrl;
  private final String authorization;
  private final Semaphore inFlight;

  ApiRequests(KubernetesClient client, int maxInFlight) {
    Config config = client.getConfiguration();
    String master = client.getMasterUrl().toString();
    this.baseUrl = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    String token = config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken();
    this.authorization = token == null || token.isEmpty() ? null : "Bearer " + token;
    this.http = httpClient(config, maxInFlight);
    this.writers = Executors.newFixedThreadPool(maxInFlight, DaemonThreads.named("api-writer"));
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** Sends the request once a slot is free; completes with the response, or exceptionally on an I/O failure. */
  CompletableFuture<Response> send(String method, String path, String contentType, String body) {
    inFlight.acquireUninterruptibly();
    try {
      return CompletableFuture.supplyAsync(() -> exchange(method, path, contentType, body), writers)
          .whenComplete((response, failure) -> inFlight.release());
    } catch (RuntimeException e) {
      inFlight.release();
      return CompletableFuture.failedFuture(e);
    }
  }

  private Response exchange(String method, String path, String contentType, String body) {
    BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, baseUrl + path);
    request.setEntity(new StringEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
    request.addHeader(HttpHeaders.ACCEPT, "application/json");
    if (authorization != null) {
      request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    try {
      return http.execute(request, reply -> new Response(reply.getCode(),
          reply.getEntity() == null ? "" : EntityUtils.toString(reply.getEntity(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    writers.shutdown();
    try {
      writers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
  }

  private static CloseableHttpClient httpClient(Config config, int maxConnections) {
    ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
    try {
      tls.setSslContext(SSLUtils.sslContext(config));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the API client's TLS settings cannot be used: " + e.getMessage(), e);
    }
    if (config.isTrustCerts() || config.isDisableHostnameVerification()) {
      // as the fabric8 client does with these settings: any certificate, for any host name
      tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    }
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setTlsSocketStrategy(tls.buildClassic())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.ofMilliseconds(config.getRequestTimeout()))
            .setRedirectsEnabled(false)
            .build())
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  record Response(int code, String body) {
    boolean isSuccess() {
      return code >= 200 && code < 300;
    }
  }
}
