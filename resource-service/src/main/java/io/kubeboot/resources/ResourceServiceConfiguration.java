package io.kubeboot.resources;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.resources.patch.Patcher;
import io.kubeboot.resources.watch.WatchProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** resource-service's wiring, in one place. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WatchProperties.class)
@ConfigurationPropertiesScan("io.kubeboot.resources.api")
class ResourceServiceConfiguration implements WebMvcConfigurer {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Patcher patcher() {
    return new Patcher();
  }

  /** One topic per registered resource, created at start-up if missing. */
  @Bean
  KafkaAdmin.NewTopics resourceTopics(@Value("${kubeboot.kafka.partitions:3}") int partitions,
      @Value("${kubeboot.kafka.replicas:1}") short replicas) {
    return new KafkaAdmin.NewTopics(ResourceRegistry.standard().all().stream()
        .map(type -> TopicBuilder.name(type.topic()).partitions(partitions).replicas(replicas).build())
        .toArray(NewTopic[]::new));
  }

  /**
   * Watches stream for as long as their own timeout says, so MVC must not cut them short, and
   * each holds a thread while it waits for events: on Boot's shared 8-thread executor the ninth
   * watch would queue forever. Streaming bodies get a thread each instead.
   */
  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
    configurer.setDefaultTimeout(-1);
    SimpleAsyncTaskExecutor watchThreads = new SimpleAsyncTaskExecutor("watch-");
    watchThreads.setDaemon(true);
    configurer.setTaskExecutor(watchThreads);
  }
}
