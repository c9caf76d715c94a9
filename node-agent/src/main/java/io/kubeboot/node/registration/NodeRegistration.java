package io.kubeboot.node.registration;

import io.kubeboot.common.DaemonThreads;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.pods.PodSync;
import io.kubeboot.node.proxy.ServiceProxy;
import io.kubeboot.node.runtime.DockerRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Registers the Node once the agent's port is known, then keeps it alive: the Lease in
 * {@code kube-node-lease} renewed and the Ready condition's heartbeat posted every 10 s. The API
 * may be unreachable at start (or go away): every step is retried on the next tick, in the
 * background, so the agent itself starts regardless. Pods are synced, and Services proxied, only
 * after registration.
 */
public class NodeRegistration implements ApplicationListener<WebServerInitializedEvent>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeRegistration.class);
  static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final String LEASE_NAMESPACE = "kube-node-lease";

  private final KubernetesClient client;
  private final DockerRuntime runtime;
  private final PodSync pods;
  private final ServiceProxy proxy;
  private final NodeProperties properties;
  private final Clock clock;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("kubelet-node-status"));
  private volatile int port;
  private volatile NodeFactory.Host host;
  private volatile Node registered;
  private Instant readySince;

  public NodeRegistration(KubernetesClient client, DockerRuntime runtime, PodSync pods, ServiceProxy proxy,
      NodeProperties properties, Clock clock) {
    this.client = client;
    this.runtime = runtime;
    this.pods = pods;
    this.proxy = proxy;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getParent() != null) {
      return; // the management context, if one is configured separately
    }
    port = event.getWebServer().getPort();
    ticker.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    Duration next = INTERVAL;
    try {
      if (registered == null) {
        register();
      } else {
        heartbeat();
      }
      String podCidr = podCidr(registered);
      if (podCidr == null) {
        log.info("node {}: waiting for the control plane to assign a pod CIDR", properties.name());
        next = RETRY;
      } else {
        pods.start(podCidr); // once; retried here until the pod watch is up
      }
    } catch (RuntimeException e) {
      log.info("node {}: API not reachable yet ({}), retrying", properties.name(), e.getMessage());
      next = RETRY;
    }
    if (next == INTERVAL) {
      startProxy(); // the pod network exists once the pod loop started
    }
    if (!ticker.isShutdown()) {
      ticker.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The service proxy needs the pod network the pod loop created; once, retried on the next tick. */
  private void startProxy() {
    try {
      proxy.start();
    } catch (RuntimeException e) {
      log.info("node {}: service proxy not started yet ({}), retrying", properties.name(), e.getMessage());
    }
  }

  private void register() {
    if (host == null) {
      host = HostInfo.of(properties, runtime.version());
    }
    Node node = NodeFactory.node(properties, host);
    try {
      client.nodes().resource(node).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    readySince = clock.instant();
    postStatus();
    renewLease();
    log.info("node {} registered at {}:{}", properties.name(), properties.address(), port);
  }

  private void heartbeat() {
    renewLease();
    postStatus();
  }

  private void postStatus() {
    NodeStatus status = NodeFactory.status(properties, host, port, readySince, clock.instant());
    registered = client.nodes().withName(properties.name()).status().patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":" + client.getKubernetesSerialization().asJson(status) + "}");
  }

  private void renewLease() {
    var leases = client.leases().inNamespace(LEASE_NAMESPACE);
    Lease current = leases.withName(properties.name()).get();
    var now = clock.instant().atZone(ZoneOffset.UTC);
    if (current == null) {
      leases.resource(new LeaseBuilder().withNewMetadata().withName(properties.name())
          .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(properties.name())
          .withUid(registered.getMetadata().getUid()).endOwnerReference().endMetadata()
          .withNewSpec().withHolderIdentity(properties.name()).withLeaseDurationSeconds(40).withRenewTime(now)
          .endSpec().build()).create();
    } else {
      leases.resource(new LeaseBuilder(current).editSpec().withRenewTime(now).endSpec().build()).update();
    }
  }

  /** The Node's podCIDR: the configured one it registered with, or the one node IPAM assigned; null until then. */
  private String podCidr(Node node) {
    String assigned = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
    return assigned == null || assigned.isEmpty() ? null : assigned;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
