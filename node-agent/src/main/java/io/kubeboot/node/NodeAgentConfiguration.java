package io.kubeboot.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.node.pods.PodSync;
import io.kubeboot.node.proxy.ServiceProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.kubeboot.node.registration.NodeRegistration;
import io.kubeboot.node.runtime.DockerHealthIndicator;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.status.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import io.kubeboot.node.simulated.SimulatedRuntimeConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node agent's wiring: its identity, the Docker engine client, registration, the pod loop and
 * the service proxy; unless the agent simulates nodes instead ({@link SimulatedRuntimeConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(SimulatedRuntimeConfiguration.DISABLED)
@EnableConfigurationProperties(NodeProperties.class)
class NodeAgentConfiguration {

  @Bean(destroyMethod = "close")
  DockerClient dockerClient(NodeProperties node) {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(node.dockerHost())
        .build();
    ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(5))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }

  @Bean
  DockerHealthIndicator dockerHealthIndicator(DockerClient docker) {
    return new DockerHealthIndicator(docker);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DockerRuntime dockerRuntime(DockerClient docker, NodeProperties node) {
    return new DockerRuntime(docker, node);
  }

  @Bean(destroyMethod = "close")
  EventRecorder eventRecorder(KubernetesClient client, NodeProperties node, Clock clock) {
    return new EventRecorder(client, node.name(), clock);
  }

  @Bean(destroyMethod = "close")
  PodSync podSync(KubernetesClient client, DockerRuntime runtime, EventRecorder events, NodeProperties node,
      MeterRegistry registry, Clock clock) {
    return PodSync.create(client, runtime, events, node, registry, clock);
  }

  @Bean(destroyMethod = "close")
  ServiceProxy serviceProxy(KubernetesClient client, DockerRuntime runtime, NodeProperties node,
      MeterRegistry registry, Clock clock) {
    return new ServiceProxy(client, runtime, node, registry, clock);
  }

  @Bean(destroyMethod = "close")
  NodeRegistration nodeRegistration(KubernetesClient client, DockerRuntime runtime, PodSync pods,
      ServiceProxy proxy, NodeProperties node, Clock clock) {
    return new NodeRegistration(client, runtime, pods, proxy, node, clock);
  }
}
