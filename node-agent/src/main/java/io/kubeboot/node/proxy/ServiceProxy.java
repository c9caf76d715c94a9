package io.kubeboot.node.proxy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.proxy.ServicePortProxy.Binding;
import io.kubeboot.node.proxy.ServicePortProxy.Portal;
import io.kubeboot.common.DaemonThreads;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.PodNetwork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's service proxy, kube-proxy in its former userspace mode: the proxy itself listens and
 * copies bytes, where today's iptables/IPVS modes only program the kernel. For every TCP port of a
 * Service it keeps a listener on the node's address at the port's nodePort and, for the
 * ClusterIP, a listener on a free port of the pods' gateway plus a nat rule in the node's own chain
 * ({@link ProxyRules}) that DNATs this node's pods' traffic for {@code clusterIP:port} to it. Each
 * connection goes to the next ready endpoint (round robin, ClientIP affinity if asked for).
 *
 * <p>Desired state comes from two informers, Services and EndpointSlices (indexed by their
 * {@code kubernetes.io/service-name}); any change queues the Service, and one worker syncs it:
 * only that Service's listeners are opened or closed, endpoints are swapped in place, and the
 * chain is rewritten when its rules changed. The chain is created at start (replacing whatever a
 * previous run left) and removed at close.
 */
public final class ServiceProxy implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceProxy.class);
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  private static final String BY_SERVICE = "service";
  /** Two threads per open connection: up to 256 connections at once, plenty for a dev cluster. */
  private static final int CONNECTION_THREADS = 512;

  private final KubernetesClient client;
  private final DockerRuntime runtime;
  private final NodeProperties node;
  private final Clock clock;
  private final ProxyMetrics metrics;
  private final WorkQueue<ObjectKey> queue;
  private final Iptables iptables;
  private final ThreadPoolExecutor connections = new ThreadPoolExecutor(0, CONNECTION_THREADS, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), DaemonThreads.named("kube-proxy-conn"));
  /** The port proxies of each Service, by port name; changed only by the worker. */
  private final Map<ObjectKey, Map<String, ServicePortProxy>> proxies = new ConcurrentHashMap<>();
  private volatile SharedIndexInformer<Service> services;
  private volatile SharedIndexInformer<EndpointSlice> slices;
  private Binding binding;
  private String podSubnet;
  private boolean rulesInstalled;
  private String writtenRules;
  private Thread worker;

  public ServiceProxy(KubernetesClient client, DockerRuntime runtime, NodeProperties node, MeterRegistry registry,
      Clock clock) {
    this.client = client;
    this.runtime = runtime;
    this.node = node;
    this.clock = clock;
    this.metrics = new ProxyMetrics(registry);
    this.queue = new WorkQueue<>("kube_proxy_services", registry);
    this.iptables = new Iptables(ProxyRules.chainName(node.name()));
  }

  /** Starts once the node's pod network exists; a failure leaves nothing started, so the caller may retry. */
  public synchronized void start() {
    if (services != null) {
      return;
    }
    PodNetwork network = runtime.podNetwork()
        .orElseThrow(() -> new IllegalStateException("the pod network " + node.networkName() + " does not exist yet"));
    podSubnet = network.subnet();
    if (!rulesInstalled) {
      try {
        iptables.install();
        rulesInstalled = true;
      } catch (IllegalStateException e) {
        log.warn("ClusterIPs are not proxied on this node, only nodePorts: {}", e.getMessage());
      }
    }
    binding = new Binding(node.address(), rulesInstalled ? network.gateway() : null);
    SharedIndexInformer<EndpointSlice> sliceInformer = client.discovery().v1().endpointSlices().inAnyNamespace()
        .withIndexers(Map.of(BY_SERVICE, slice -> serviceOf(slice).map(key -> List.of(key.toString())).orElse(List.of())))
        .inform(enqueueing(ServiceProxy::serviceOf), 0);
    try {
      services = client.services().inAnyNamespace().inform(enqueueing(service -> Optional.of(ObjectKey.of(service))), 0);
    } catch (RuntimeException e) {
      sliceInformer.close();
      throw e;
    }
    slices = sliceInformer;
    worker = DaemonThreads.named("kube-proxy-sync").newThread(this::work);
    worker.start();
    log.info("service proxy started: nodePorts on {}, ClusterIPs of pods in {} via {} (chain {})", node.address(),
        podSubnet, binding.clusterIpListenAddress(), rulesInstalled ? iptables.chain() : "none");
  }

  private static Optional<ObjectKey> serviceOf(EndpointSlice slice) {
    Map<String, String> labels = slice.getMetadata().getLabels();
    String service = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
    return service == null || service.isEmpty() ? Optional.empty()
        : Optional.of(new ObjectKey(slice.getMetadata().getNamespace(), service));
  }

  private <T extends HasMetadata> ResourceEventHandler<T> enqueueing(Function<T, Optional<ObjectKey>> service) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        service.apply(object).ifPresent(queue::add);
      }

      @Override
      public void onUpdate(T before, T after) {
        service.apply(before).ifPresent(queue::add); // a slice relabelled leaves its former Service
        service.apply(after).ifPresent(queue::add);
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        service.apply(object).ifPresent(queue::add);
      }
    };
  }

  private void work() {
    try {
      for (ObjectKey key; (key = queue.take()) != null; ) {
        try {
          sync(key);
          queue.forget(key);
        } catch (RuntimeException e) {
          log.info("sync of service {} failed, retrying: {}", key, e.getMessage());
          queue.addRateLimited(key);
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Brings one Service's listeners, endpoints and nat rules to what the API says now. */
  void sync(ObjectKey key) {
    Timer.Sample timing = Timer.start();
    Service service = services.getIndexer().getByKey(key.toString());
    Map<String, Portal> desired = ServicePortals.of(service);
    Map<String, ServicePortProxy> current = proxies.computeIfAbsent(key, k -> new HashMap<>());
    current.entrySet().removeIf(entry -> {
      boolean stale = !entry.getValue().portal().equals(desired.get(entry.getKey()));
      if (stale) {
        entry.getValue().close();
      }
      return stale;
    });
    List<EndpointSlice> endpointSlices = slices.getIndexer().byIndex(BY_SERVICE, key.toString());
    IOException failure = null;
    for (Map.Entry<String, Portal> port : desired.entrySet()) {
      ServicePortName name = new ServicePortName(key, port.getKey());
      SessionAffinity affinity = SessionAffinity.of(service);
      ServicePortProxy proxy = current.get(port.getKey());
      if (proxy == null) {
        try {
          RoundRobinBalancer balancer = new RoundRobinBalancer(affinity, clock);
          proxy = ServicePortProxy.open(name, port.getValue(), binding, balancer,
              new ConnectionForwarder(name, balancer, connections, metrics));
          current.put(port.getKey(), proxy);
        } catch (IOException e) {
          failure = e; // the other ports still get their listeners; this one is retried
          continue;
        }
      }
      proxy.update(ReadyEndpoints.of(port.getKey(), ServicePortals.TCP, endpointSlices), affinity);
    }
    if (current.isEmpty()) {
      proxies.remove(key);
    }
    writeRules();
    timing.stop(metrics.syncRules());
    if (failure != null) {
      throw new UncheckedIOException(failure);
    }
  }

  private void writeRules() {
    if (!rulesInstalled) {
      return;
    }
    List<ClusterIpRedirect> redirects = new ArrayList<>();
    proxies.values().forEach(ports -> ports.values().forEach(p -> p.redirect().ifPresent(redirects::add)));
    String rules = ProxyRules.restoreInput(iptables.chain(), podSubnet, redirects);
    if (!rules.equals(writtenRules)) {
      iptables.replaceRules(rules);
      writtenRules = rules;
    }
  }

  @Override
  public synchronized void close() {
    queue.shutDown();
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (services != null) {
      services.close();
    }
    if (slices != null) {
      slices.close();
    }
    proxies.values().forEach(ports -> ports.values().forEach(ServicePortProxy::close));
    proxies.clear();
    connections.shutdownNow();
    if (rulesInstalled) {
      iptables.uninstall();
    }
  }
}
