package io.kubeboot.overlay;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.overlay.node.NodeOverlay;
import io.kubeboot.overlay.node.OverlayHealthIndicator;
import io.kubeboot.overlay.node.OverlayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daemon: one {@link NodeOverlay}, started once the application is ready. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OverlayProperties.class)
class OverlayNetConfiguration {

  @Bean(destroyMethod = "close")
  NodeOverlay nodeOverlay(KubernetesClient client, OverlayProperties properties, MeterRegistry registry) {
    return new NodeOverlay(client, properties, registry);
  }

  @Bean
  OverlayHealthIndicator overlayHealthIndicator(NodeOverlay overlay) {
    return new OverlayHealthIndicator(overlay);
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> startNodeOverlay(NodeOverlay overlay) {
    return event -> overlay.start();
  }
}
