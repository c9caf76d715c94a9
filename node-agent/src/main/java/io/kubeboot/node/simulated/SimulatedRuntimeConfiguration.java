package io.kubeboot.node.simulated;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated runtime's wiring, in place of the Docker-backed agent when
 * {@code kubeboot.node.simulated.nodes} (env {@code KUBEBOOT_SIMULATED_NODES}) is above zero:
 * many fake nodes in one process, for scale tests and benchmarks, like kwok.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(SimulatedRuntimeConfiguration.ENABLED)
@EnableConfigurationProperties(SimulatedProperties.class)
public class SimulatedRuntimeConfiguration {

  public static final String ENABLED = "${kubeboot.node.simulated.nodes:0} > 0";
  public static final String DISABLED = "${kubeboot.node.simulated.nodes:0} <= 0";

  @Bean(destroyMethod = "close")
  SimulatedNodes simulatedNodes(KubernetesClient client, SimulatedProperties properties) {
    return new SimulatedNodes(client, properties, Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  SimulatedPods simulatedPods(KubernetesClient client, SimulatedNodes nodes, SimulatedProperties properties,
      MeterRegistry registry) {
    return new SimulatedPods(client, nodes, properties, registry, Clock.systemUTC());
  }

  /** Nodes register once the port they announce is known; pods are followed from then on. */
  @Bean
  ApplicationListener<WebServerInitializedEvent> simulatedStart(SimulatedNodes nodes, SimulatedPods pods) {
    return event -> {
      if (event.getApplicationContext().getParent() == null) {
        nodes.start(event.getWebServer().getPort());
        pods.start();
      }
    };
  }
}
