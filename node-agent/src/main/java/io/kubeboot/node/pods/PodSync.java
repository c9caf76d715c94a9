package io.kubeboot.node.pods;

import io.kubeboot.common.DaemonThreads;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.node.NodeProperties;
import io.kubeboot.node.probes.ProbeManager;
import io.kubeboot.node.runtime.ContainerSnapshot;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.status.EventRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's pod loop, a reconciler: desired state is the pods bound to this node (an API watch
 * with {@code spec.nodeName=<node>}), actual state the Docker containers labelled with a pod uid.
 * As in the kubelet, a pod is synced again when its spec or metadata changes (not its status,
 * which this loop writes itself), when one of its containers changes state (a relist of the
 * containers, the kubelet's PLEG), when a probe's verdict changes, when a back-off it waits on ends,
 * and once a minute anyway.
 * The relist also removes containers whose pod is gone.
 */
public class PodSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PodSync.class);
  private static final Duration RELIST = Duration.ofSeconds(1);
  private static final Duration RESYNC = Duration.ofMinutes(1);
  private static final int WORKERS = 4;

  private final KubernetesClient client;
  private final DockerRuntime runtime;
  private final PodWorker worker;
  private final PodMetrics metrics;
  private final ProbeManager probes;
  private final NodeProperties node;
  private final Clock clock;
  private final WorkQueue<ObjectKey> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final ScheduledExecutorService relist = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("kubelet-relist"));
  private volatile SharedIndexInformer<Pod> informer;
  private Map<String, Set<String>> lastStates = Map.of();
  private Instant lastResync = Instant.EPOCH;

  PodSync(KubernetesClient client, DockerRuntime runtime, PodWorker worker, PodMetrics metrics, ProbeManager probes,
      NodeProperties node, WorkQueue<ObjectKey> queue, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.runtime = runtime;
    this.worker = worker;
    this.metrics = metrics;
    this.probes = probes;
    this.node = node;
    this.queue = queue;
  }

  public static PodSync create(KubernetesClient client, DockerRuntime runtime, EventRecorder events,
      NodeProperties node, MeterRegistry registry, Clock clock) {
    PodMetrics metrics = new PodMetrics(registry, clock);
    WorkQueue<ObjectKey> queue = new WorkQueue<>("kubelet_pods", registry);
    // a probe verdict that changes syncs its pod: the status (readiness) or a restart (liveness) follows at once
    ProbeManager probes = new ProbeManager(runtime, events, registry, clock, queue::add);
    PodWorker worker = new PodWorker(runtime, client, new EnvResolver(client), events, metrics, probes, node, clock);
    return new PodSync(client, runtime, worker, metrics, probes, node, queue, clock);
  }

  /** Starts once the Node is registered: {@code podCidr} is the Node's, or the configured one. */
  public synchronized void start(String podCidr) {
    if (informer != null) {
      return;
    }
    runtime.ensureNetwork(podCidr);
    informer = client.pods().inAnyNamespace().withField("spec.nodeName", node.name())
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            queue.add(ObjectKey.of(pod));
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            if (!statusOnly(before, after)) {
              queue.add(ObjectKey.of(after));
            }
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            queue.add(ObjectKey.of(pod));
          }
        }, 0);
    var workerThreads = DaemonThreads.named("kubelet-pod-worker");
    for (int i = 0; i < WORKERS; i++) {
      Thread thread = workerThreads.newThread(this::work);
      workers.add(thread);
      thread.start();
    }
    relist.scheduleWithFixedDelay(this::relist, 0, RELIST.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void work() {
    try {
      for (ObjectKey key; (key = queue.take()) != null; ) {
        try {
          Pod pod = informer.getIndexer().getByKey(key.namespace() + "/" + key.name());
          if (pod != null) {
            SyncOutcome outcome = worker.sync(pod);
            queue.forget(key);
            if (outcome.requeueAfter() != null) {
              queue.addAfter(key, outcome.requeueAfter());
            }
          }
        } catch (RuntimeException e) {
          log.info("sync of pod {} failed, retrying: {}", key, e.toString());
          queue.addRateLimited(key);
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The kubelet's config source: an update that only touched the status is the node's own write. */
  static boolean statusOnly(Pod before, Pod after) {
    ObjectMeta was = before.getMetadata();
    ObjectMeta is = after.getMetadata();
    return Objects.equals(before.getSpec(), after.getSpec())
        && Objects.equals(was.getLabels(), is.getLabels())
        && Objects.equals(was.getAnnotations(), is.getAnnotations())
        && Objects.equals(was.getDeletionTimestamp(), is.getDeletionTimestamp())
        && Objects.equals(was.getDeletionGracePeriodSeconds(), is.getDeletionGracePeriodSeconds());
  }

  /** Queues the pods whose containers changed state (all of them once a minute) and removes orphans. */
  private void relist() {
    try {
      List<ContainerSnapshot> containers = runtime.snapshot();
      metrics.observed(containers);
      Map<String, Set<String>> states = containers.stream().filter(c -> c.podUid() != null)
          .collect(Collectors.groupingBy(ContainerSnapshot::podUid,
              Collectors.mapping(c -> c.id() + "/" + c.state(), Collectors.toSet())));
      boolean resync = clock.instant().isAfter(lastResync.plus(RESYNC));
      if (resync) {
        lastResync = clock.instant();
      }
      for (Pod pod : informer.getIndexer().list()) {
        String uid = pod.getMetadata().getUid();
        if (resync || !Objects.equals(states.get(uid), lastStates.get(uid))) {
          queue.add(ObjectKey.of(pod));
        }
      }
      lastStates = states;
      if (!informer.hasSynced()) {
        return;
      }
      // desired read after the containers: a pod whose containers were just listed is in the cache by now
      Set<String> desired = informer.getIndexer().list().stream().map(p -> p.getMetadata().getUid())
          .collect(Collectors.toSet());
      states.keySet().stream().filter(uid -> !desired.contains(uid)).forEach(uid -> {
        List<PodContainer> owned = runtime.podContainers(uid);
        log.info("removing {} containers of pod {} which no longer exists", owned.size(), uid);
        worker.forget(uid, owned);
      });
    } catch (RuntimeException e) {
      log.info("relist failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    relist.shutdownNow();
    probes.close();
    queue.shutDown();
    if (informer != null) {
      informer.close();
    }
  }
}
