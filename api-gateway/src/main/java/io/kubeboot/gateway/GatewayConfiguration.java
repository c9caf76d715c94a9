package io.kubeboot.gateway;

import io.kubeboot.common.resource.ResourceRegistry;
import java.net.http.HttpClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The gateway's infrastructure beans and settings; the features are components in their packages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration implements WebMvcConfigurer {

  /** Tomcat's default request threads: no request ever waits for a connection of its own. */
  private static final int MAX_REQUEST_CONNECTIONS = 200;

  @Bean
  ResourceRegistry resourceRegistry() {
    return ResourceRegistry.standard();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * One client, so one connection pool, for the long-running requests to resource-service and the
   * node agents. HTTP/1.1 because watches are long chunked responses; with HTTP/2 they would all
   * share one connection's window.
   */
  @Bean
  HttpClient streamingHttpClient(GatewayProperties properties) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.resourceService().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The pool for ordinary requests to resource-service: as many connections as Tomcat has request
   * threads, checked before reuse when idle for a second (resource-service closes idle ones after
   * 20 s), never retried unless idempotent, no redirects, cookies or compression, and waiting for
   * an answer at most upstream's request timeout.
   */
  @Bean
  CloseableHttpClient resourceServiceHttpClient(GatewayProperties properties) {
    GatewayProperties.ResourceService resourceService = properties.resourceService();
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(MAX_REQUEST_CONNECTIONS)
            .setMaxConnPerRoute(MAX_REQUEST_CONNECTIONS)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(resourceService.connectTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(resourceService.requestTimeout()))
            .setRedirectsEnabled(false)
            .build())
        .evictIdleConnections(TimeValue.ofSeconds(10))
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .build();
  }

  /**
   * Only long-running responses (watches, streamed logs) are asynchronous here; they end when either
   * side closes, never on a timer. Each holds a thread while it waits for the next event, so they get
   * their own unbounded executor: Boot's shared pool would queue the ninth watch behind eight others.
   */
  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
    configurer.setDefaultTimeout(-1);
    configurer.setTaskExecutor(new SimpleAsyncTaskExecutor("stream-"));
  }
}
