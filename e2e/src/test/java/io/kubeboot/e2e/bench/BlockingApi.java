package io.kubeboot.e2e.bench;

import io.kubeboot.e2e.Tls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
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
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A load generator's HTTP to the API: Apache's blocking client on a pool of kept-alive TLS
 * connections, the bodies JSON strings, watch events read as JSON trees. Not the fabric8 client
 * that the tests use: on the two-core machine the benchmark shares with the control plane, the
 * JDK client's asynchronous TLS flow and each watch event turned into a whole Pod cost the
 * generator more CPU than the scheduler spent (bench scheduler, per-thread CPU), time taken from
 * the control plane it measures. The API sees the same requests either way.
 */
final class BlockingApi implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloseableHttpClient http;
  private final String baseUrl;
  private final String authorization;

  BlockingApi(String apiUrl, String token, int connections) {
    this.baseUrl = apiUrl;
    this.authorization = "Bearer " + token;
    // the bench's cluster has a self-signed certificate for 127.0.0.1, as the tests' clients trust
    var tls = ClientTlsStrategyBuilder.create().setSslContext(Tls.trustingContext())
        .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
            .setTlsSocketStrategy(tls.buildClassic()).build())
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  /** POSTs a JSON body; the response's status code (its body is read and dropped). */
  int post(String path, String json) throws IOException {
    HttpPost post = new HttpPost(baseUrl + path);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    post.addHeader(HttpHeaders.AUTHORIZATION, authorization);
    return http.execute(post, response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  /**
   * Follows a watch ({@code path} with {@code ?watch=true}) on a thread of its own, handing each
   * event ({@code {"type": ..., "object": ...}}) to {@code events} until this is closed.
   */
  void watch(String path, Consumer<JsonNode> events) {
    HttpGet get = new HttpGet(baseUrl + path);
    get.addHeader(HttpHeaders.AUTHORIZATION, authorization);
    get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(30)).build());
    Thread reader = new Thread(() -> {
      try {
        http.execute(get, response -> {
          try (BufferedReader lines = new BufferedReader(
              new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
              events.accept(JSON.readTree(line));
            }
          }
          return null;
        });
      } catch (IOException | UncheckedIOException e) {
        // closed
      }
    }, "bench-watch");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
