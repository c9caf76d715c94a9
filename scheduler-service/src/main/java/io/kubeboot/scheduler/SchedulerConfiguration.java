package io.kubeboot.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.scheduler.binding.BindingClients;
import io.kubeboot.scheduler.cache.SchedulerCache;
import io.kubeboot.scheduler.framework.Framework;
import io.kubeboot.scheduler.framework.RandomTieBreaker;
import io.kubeboot.scheduler.plugins.DefaultPlugins;
import io.kubeboot.scheduler.queue.SchedulingQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduler's wiring: informers feed the cache and the queue; the loop runs while this replica leads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

  @Bean
  SchedulerCache schedulerCache() {
    return new SchedulerCache();
  }

  @Bean
  SchedulingQueue schedulingQueue() {
    return new SchedulingQueue();
  }

  @Bean
  PendingPods pendingPods(SchedulerProperties properties) {
    return new PendingPods(properties.schedulerName());
  }

  @Bean
  ResourceInformer<Node> nodeInformer(KubernetesClient client, KafkaProperties kafka, SchedulerProperties properties,
      MeterRegistry registry, SchedulerCache cache, SchedulingQueue queue) {
    return ResourceInformer.of(Node.class, client, consumerConfig(kafka), properties.resyncPeriod(), registry)
        .addEventHandler(new NodeEvents(cache, queue));
  }

  @Bean
  ResourceInformer<Pod> podInformer(KubernetesClient client, KafkaProperties kafka, SchedulerProperties properties,
      MeterRegistry registry, SchedulerCache cache, SchedulingQueue queue, PendingPods pending) {
    return ResourceInformer.of(Pod.class, client, consumerConfig(kafka), properties.resyncPeriod(), registry)
        .addEventHandler(new PodEvents(cache, queue, pending));
  }

  @Bean
  Framework schedulingFramework() {
    return DefaultPlugins.registry().framework(DefaultPlugins.enabled(), new RandomTieBreaker(RandomGenerator.getDefault()));
  }

  @Bean
  BindingClients bindingClients(KubernetesClient client, SchedulerProperties properties) {
    return BindingClients.of(client, properties.maxRequestsInFlight());
  }

  @Bean
  Scheduler scheduler(ResourceInformer<Pod> podInformer, ResourceInformer<Node> nodeInformer, SchedulerCache cache,
      SchedulingQueue queue, Framework framework, BindingClients clients, PendingPods pending,
      MeterRegistry registry) {
    return new Scheduler(podInformer, nodeInformer, cache, queue, framework, clients, pending,
        new SchedulerMetrics(registry, queue));
  }

  @Bean
  LeaderElection leaderElection(KubernetesClient client, SchedulerProperties properties, Scheduler scheduler) {
    String identity = properties.leaderElection().identity();
    return new LeaderElection(client, properties.leaderElection(),
        identity == null || identity.isBlank() ? defaultIdentity() : identity, scheduler);
  }

  @Bean
  SchedulerLifecycle schedulerLifecycle(ResourceInformer<Pod> podInformer, ResourceInformer<Node> nodeInformer,
      LeaderElection election, SchedulingQueue queue) {
    return new SchedulerLifecycle(podInformer, nodeInformer, election, queue);
  }

  private static Map<String, Object> consumerConfig(KafkaProperties kafka) {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
  }

  /** Upstream's identity: the host name plus a random suffix, unique per process. */
  private static String defaultIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "_" + UUID.randomUUID();
  }
}
