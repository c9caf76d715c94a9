package io.kubeboot.node.simulated;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.registration.NodeFactory;
import io.kubeboot.common.DaemonThreads;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the fake nodes and keeps them alive as kubelets do: each renews its Lease every
 * {@code leaseRenewal} and posts its full status every {@code statusReport}, the nodes' turns
 * spread evenly over the interval so that a thousand nodes do not all write at once. What fails
 * is retried at the node's next turn.
 */
public class SimulatedNodes implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedNodes.class);
  private static final String LEASE_NAMESPACE = "kube-node-lease";
  /** The API's MicroTime, RFC 3339 with microseconds. */
  private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX");

  private final KubernetesClient client;
  private final SimulatedProperties properties;
  private final Clock clock;
  private final Map<String, SimulatedNode> nodes = new ConcurrentHashMap<>();
  /** When each node last posted its full status; absent until it is registered. */
  private final Map<String, Long> lastStatus = new ConcurrentHashMap<>();
  /**
   * Nodes whose status on the API no longer says Ready (the node lifecycle controller marked them
   * Unknown after a late heartbeat): like the kubelet, which compares the API's status with its
   * own, they post their full status at their next turn instead of waiting for the report period.
   */
  private final Set<String> staleStatus = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Node> informer;
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2,
      DaemonThreads.named("simulated-heartbeat"));
  private final NodeFactory.Host host;
  private volatile int port;

  public SimulatedNodes(KubernetesClient client, SimulatedProperties properties, Clock clock) {
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.host = new NodeFactory.Host(properties.cpu(), properties.memory(), "amd64", "kubeboot simulated node",
        System.getProperty("os.version"), "simulated");
    for (int i = 0; i < properties.nodes(); i++) {
      // addresses 127.1.x.y: nothing listens there, as nothing runs on a simulated node
      NodeProperties node = new NodeProperties(properties.nodeName(i), "127.1." + (i / 250) + "." + (i % 250 + 1),
          null, null, "", null, properties.cpu(), properties.memory(), properties.maxPods());
      nodes.put(node.name(), new SimulatedNode(node, clock.instant()));
    }
  }

  /** Starts registering and heartbeating, announcing {@code port} as every node's kubelet port. */
  public void start(int port) {
    this.port = port;
    informer = client.nodes().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        check(node);
      }

      @Override
      public void onUpdate(Node old, Node node) {
        check(node);
      }

      @Override
      public void onDelete(Node node, boolean finalStateUnknown) {
        lastStatus.remove(node.getMetadata().getName()); // registers again at its next turn
      }
    });
    List<SimulatedNode> all = new ArrayList<>(nodes.values());
    long leaseMillis = properties.leaseRenewal().toMillis();
    for (int i = 0; i < all.size(); i++) {
      SimulatedNode node = all.get(i);
      long offset = leaseMillis * i / Math.max(1, all.size());
      ticker.scheduleAtFixedRate(() -> heartbeat(node), offset, leaseMillis, TimeUnit.MILLISECONDS);
    }
    log.info("simulating {} nodes ({}-0 ...)", all.size(), properties.namePrefix());
  }

  /** Learns a node's podCIDR as soon as node IPAM assigns it, and whether its status went stale. */
  private void check(Node node) {
    SimulatedNode simulated = nodes.get(node.getMetadata().getName());
    if (simulated == null) {
      return;
    }
    learnPodCidr(simulated, node);
    if (lastStatus.containsKey(simulated.name()) && !NodeFactory.ready(node)) {
      staleStatus.add(simulated.name());
    }
  }

  public Optional<SimulatedNode> node(String name) {
    return Optional.ofNullable(name == null ? null : nodes.get(name));
  }

  public Collection<SimulatedNode> all() {
    return nodes.values();
  }

  private void heartbeat(SimulatedNode node) {
    try {
      long now = clock.millis();
      Long posted = lastStatus.get(node.name());
      if (posted == null) {
        register(node);
      }
      if (posted == null || staleStatus.remove(node.name()) || now - posted >= properties.statusReport().toMillis()) {
        postStatus(node);
        lastStatus.put(node.name(), now);
      }
      renewLease(node);
    } catch (RuntimeException e) {
      lastStatus.remove(node.name());
      log.debug("simulated node {}: {}", node.name(), e.toString());
    }
  }

  private void register(SimulatedNode node) {
    try {
      client.nodes().resource(NodeFactory.node(node.properties(), host)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  private void postStatus(SimulatedNode node) {
    var status = NodeFactory.status(node.properties(), host, port, node.readySince(), clock.instant());
    Node updated = client.nodes().withName(node.name()).status().patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":" + client.getKubernetesSerialization().asJson(status) + "}");
    learnPodCidr(node, updated);
  }

  /** Node IPAM assigns the podCIDR just after registration; a node without one yet keeps waiting. */
  private static void learnPodCidr(SimulatedNode simulated, Node node) {
    String cidr = node == null || node.getSpec() == null ? null : node.getSpec().getPodCIDR();
    if (cidr != null && !cidr.isEmpty()) {
      simulated.podCidr(cidr);
    }
  }

  /** One merge patch of the renew time, or the Lease's creation the first time. */
  private void renewLease(SimulatedNode node) {
    var now = clock.instant().atZone(ZoneOffset.UTC);
    try {
      client.leases().inNamespace(LEASE_NAMESPACE).withName(node.name()).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"spec\":{\"renewTime\":\"" + MICRO_TIME.format(now) + "\"}}");
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      client.leases().inNamespace(LEASE_NAMESPACE).resource(new LeaseBuilder().withNewMetadata()
          .withName(node.name()).endMetadata().withNewSpec().withHolderIdentity(node.name())
          .withLeaseDurationSeconds(40).withRenewTime(now).endSpec().build()).create();
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    if (informer != null) {
      informer.close();
    }
  }
}
