package io.kubeboot.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.reconciler.cronjob.CronJobController;
import io.kubeboot.reconciler.daemonset.DaemonSetController;
import io.kubeboot.reconciler.deployment.DeploymentController;
import io.kubeboot.reconciler.endpoints.DefaultKubernetesService;
import io.kubeboot.reconciler.endpoints.EndpointsController;
import io.kubeboot.reconciler.gc.GarbageCollectors;
import io.kubeboot.reconciler.job.JobController;
import io.kubeboot.reconciler.job.TtlAfterFinishedController;
import io.kubeboot.reconciler.loadbalancer.LoadBalancerController;
import io.kubeboot.reconciler.namespace.NamespaceController;
import io.kubeboot.reconciler.node.NodeIpamController;
import io.kubeboot.reconciler.node.NodeLifecycleController;
import io.kubeboot.reconciler.node.TaintEvictionController;
import io.kubeboot.reconciler.replicaset.ReplicaSetController;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.ControllerManager;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Leadership;
import io.kubeboot.reconciler.statefulset.StatefulSetController;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The controllers, their shared informers, and the leader election that starts them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcilerProperties.class)
class ReconcilerConfiguration {

  @Bean
  Informers informers(KubernetesClient client, KafkaProperties kafka, ReconcilerProperties properties,
      MeterRegistry registry) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", kafka.getBootstrapServers()));
    return new Informers(client, config, properties.resyncPeriod(), registry);
  }

  @Bean
  EventRecorder eventRecorder(KubernetesClient client) {
    return new EventRecorder(client, Clock.systemUTC());
  }

  @Bean
  ReplicaSetController replicaSetController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new ReplicaSetController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  DeploymentController deploymentController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new DeploymentController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  JobController jobController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new JobController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  TtlAfterFinishedController ttlAfterFinishedController(KubernetesClient client, Informers informers) {
    return new TtlAfterFinishedController(client, informers, Clock.systemUTC());
  }

  @Bean
  CronJobController cronJobController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new CronJobController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  DaemonSetController daemonSetController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new DaemonSetController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  StatefulSetController statefulSetController(KubernetesClient client, Informers informers, EventRecorder events) {
    return new StatefulSetController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  EndpointsController endpointsController(KubernetesClient client, Informers informers) {
    return new EndpointsController(client, informers);
  }

  @Bean
  DefaultKubernetesService defaultKubernetesService(KubernetesClient client, Informers informers,
      ReconcilerProperties properties) {
    return new DefaultKubernetesService(client, informers, properties.kubernetesServiceIp());
  }

  @Bean
  LoadBalancerController loadBalancerController(KubernetesClient client, Informers informers, EventRecorder events,
      ReconcilerProperties properties) {
    return new LoadBalancerController(client, informers, events, properties.loadBalancer().pool());
  }

  @Bean
  NamespaceController namespaceController(KubernetesClient client, Informers informers) {
    return new NamespaceController(client, informers);
  }

  @Bean
  NodeIpamController nodeIpamController(KubernetesClient client, Informers informers,
      ReconcilerProperties properties) {
    return new NodeIpamController(client, informers, properties.clusterCidr(), properties.nodeCidrMaskSize());
  }

  @Bean
  NodeLifecycleController nodeLifecycleController(KubernetesClient client, Informers informers, EventRecorder events,
      ReconcilerProperties properties) {
    return new NodeLifecycleController(client, informers, events, properties.nodeMonitorGracePeriod(),
        Clock.systemUTC());
  }

  @Bean
  TaintEvictionController taintEvictionController(KubernetesClient client, Informers informers,
      EventRecorder events) {
    return new TaintEvictionController(client, informers, events, Clock.systemUTC());
  }

  @Bean
  GarbageCollectors garbageCollectors(KubernetesClient client, Informers informers) {
    return new GarbageCollectors(client, informers);
  }

  @Bean
  ControllerManager controllerManager(List<Controller> controllers, GarbageCollectors collectors,
      Informers informers, ReconcilerProperties properties, MeterRegistry registry) {
    List<Controller> all = new ArrayList<>(controllers);
    all.addAll(collectors.controllers());
    return new ControllerManager(all, informers, properties.workers(), registry);
  }

  @Bean
  Leadership leadership(KubernetesClient client, ControllerManager manager, ReconcilerProperties properties) {
    ReconcilerProperties.LeaderElection election = properties.leaderElection();
    return new Leadership(client, manager, new Leadership.LeaderElectionProperties(election.namespace(),
        election.name(), election.leaseDuration(), election.renewDeadline(), election.retryPeriod()), identity());
  }

  /** Upstream's identity: the host name plus a unique suffix, so two replicas on one host differ. */
  private static String identity() {
    try {
      return InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
    } catch (UnknownHostException e) {
      return "reconciler_" + UUID.randomUUID();
    }
  }
}
