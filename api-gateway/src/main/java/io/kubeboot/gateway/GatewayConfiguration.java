package io.kubeboot.gateway;

import io.kubeboot.common.resource.ResourceRegistry;
import java.net.http.HttpClient;
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

  @Bean
  ResourceRegistry resourceRegistry() {
    return ResourceRegistry.standard();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * One client, so one connection pool, for every request to resource-service. HTTP/1.1 because
   * watches are long chunked responses; with HTTP/2 they would all share one connection's window.
   */
  @Bean
  HttpClient resourceServiceHttpClient(GatewayProperties properties) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.resourceService().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
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
