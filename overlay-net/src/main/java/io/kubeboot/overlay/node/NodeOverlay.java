package io.kubeboot.overlay.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeboot.overlay.core.Ipv4Subnet;
import io.kubeboot.overlay.core.Overlay;
import io.kubeboot.overlay.core.OverlayMetrics;
import io.kubeboot.overlay.core.OverlaySettings;
import io.kubeboot.overlay.core.RouteTable;
import io.kubeboot.overlay.tun.ClusterTrafficRules;
import io.kubeboot.overlay.tun.OverlayLauncher;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's overlay, driven by the API as flanneld with its Kubernetes subnet manager: once the
 * node's Node exists and has a {@code spec.podCIDR}, it publishes its endpoint on the Node
 * ({@link NodeRoutes}), brings the overlay up for that subnet, and keeps the route table equal to
 * what the Nodes say, through an informer: a node that joins, moves or leaves changes the table
 * (and if its own Node loses the annotations, by re-creation or an edit, it publishes them again).
 * Until then it retries in the background, so the daemon itself starts regardless of the API.
 * With the overlay it installs {@link ClusterTrafficRules}, so pod traffic crosses hosts unmasqueraded.
 */
public class NodeOverlay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeOverlay.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final OverlayProperties properties;
  private final OverlayMetrics metrics;
  private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "overlay-start");
    thread.setDaemon(true);
    return thread;
  });
  private volatile RouteTable routes;
  private volatile Overlay overlay;
  private ClusterTrafficRules trafficRules;
  private volatile String waitingFor = "start";
  private SharedIndexInformer<Node> informer;

  public NodeOverlay(KubernetesClient client, OverlayProperties properties, MeterRegistry registry) {
    this.client = client;
    this.properties = properties;
    this.metrics = new OverlayMetrics(registry, () -> {
      RouteTable table = routes;
      return table == null ? 0 : table.peerCount();
    });
  }

  public void start() {
    starter.execute(this::tryStart);
  }

  private synchronized void tryStart() {
    if (starter.isShutdown()) {
      return;
    }
    try {
      Node self = client.nodes().withName(properties.nodeName()).get();
      String podCidr = self == null ? null : NodeRoutes.podCidr(self);
      if (podCidr == null) {
        waitingFor = self == null ? "Node " + properties.nodeName() : "spec.podCIDR of Node " + properties.nodeName();
        log.info("waiting for Node {} {}", properties.nodeName(), self == null ? "to register" : "to get a spec.podCIDR");
        starter.schedule(this::tryStart, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      publishEndpoint();
      if (overlay == null) {
        routes = new RouteTable(Ipv4Subnet.parse(properties.clusterCidr()), Ipv4Subnet.parse(podCidr));
        overlay = OverlayLauncher.start(new OverlaySettings(properties.device(),
            new InetSocketAddress(properties.address(), properties.port()), properties.underlayMtu(), properties.offload()), routes, metrics);
      }
      if (trafficRules == null) {
        trafficRules = ClusterTrafficRules.install(routes.clusterCidr());
      }
      // assigned before it starts: its handlers read the cache through this field
      informer = client.nodes().runnableInformer(0);
      informer.addEventHandler(new RefreshOnChange());
      informer.start();
    } catch (IOException | RuntimeException e) {
      waitingFor = "retry after: " + e;
      log.warn("overlay of node {} not started, retrying: {}", properties.nodeName(), e.toString());
      starter.schedule(this::tryStart, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void publishEndpoint() {
    Node patch = new NodeBuilder().withNewMetadata()
        .withAnnotations(NodeRoutes.annotations(properties.address(), properties.port())).endMetadata().build();
    client.nodes().withName(properties.nodeName()).patch(PatchContext.of(PatchType.JSON_MERGE),
        client.getKubernetesSerialization().asJson(patch));
  }

  /** The route table is rebuilt from the informer's cache on every change: a few nodes, and never stale. */
  private final class RefreshOnChange implements ResourceEventHandler<Node> {

    @Override
    public void onAdd(Node node) {
      republishIfLost(node);
      refresh();
    }

    @Override
    public void onUpdate(Node before, Node after) {
      republishIfLost(after);
      refresh();
    }

    /** Our Node re-created, or its annotations edited away: peers would lose the route to us. */
    private void republishIfLost(Node node) {
      if (!properties.nodeName().equals(node.getMetadata().getName())) {
        return;
      }
      Map<String, String> published = NodeRoutes.annotations(properties.address(), properties.port());
      Map<String, String> annotations = node.getMetadata().getAnnotations();
      if ((annotations == null || !annotations.entrySet().containsAll(published.entrySet()))
          && !starter.isShutdown()) {
        starter.execute(() -> {
          try {
            publishEndpoint();
          } catch (RuntimeException e) {
            log.warn("publishing the overlay endpoint on Node {} failed: {}", properties.nodeName(), e.toString());
          }
        });
      }
    }

    @Override
    public void onDelete(Node node, boolean finalStateUnknown) {
      refresh();
    }

    private void refresh() {
      var before = routes.routes();
      routes.replaceAll(NodeRoutes.of(informer.getStore().list(), properties.nodeName()));
      if (!before.equals(routes.routes())) {
        log.info("overlay routes: {}", routes.routes());
      }
    }
  }

  /** The daemon's state for its health: the overlay's device and peers once it runs, or what it waits for. */
  public Map<String, Object> state() {
    Overlay current = overlay;
    RouteTable table = routes;
    if (current == null || table == null) {
      return Map.of("state", "waiting", "waitingFor", waitingFor);
    }
    return Map.of("state", current.isRunning() ? "running" : "stopped", "device", properties.device(),
        "subnet", table.localSubnet().toString(), "peers", table.peerCount());
  }

  @Override
  public synchronized void close() {
    starter.shutdownNow();
    if (informer != null) {
      informer.stop();
    }
    if (overlay != null) {
      overlay.close();
    }
    if (trafficRules != null) {
      trafficRules.close();
    }
  }
}
