package io.kubeboot.node.simulated;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.node.probes.ProbeResult;
import io.kubeboot.node.probes.ProbeResults;
import io.kubeboot.common.DaemonThreads;
import io.kubeboot.node.status.PodStatusCalculator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pods of the simulated nodes, as kwok runs them: a pod bound to one of them is reported
 * Running and Ready (status computed by the real agent's code from simulated containers), and a
 * pod being deleted is removed at once, since there is nothing to stop. One watch of all pods,
 * one work queue, a few status writers.
 */
public class SimulatedPods implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedPods.class);
  /** Simulated containers pass every probe, as kwok's do: ready as soon as they run. */
  private static final ProbeResults PASSING = (containerId, type) -> ProbeResult.SUCCESS;

  private final KubernetesClient client;
  private final SimulatedNodes nodes;
  private final SimulatedProperties properties;
  private final Clock clock;
  private final WorkQueue<ObjectKey> queue;
  private final List<Thread> workers = new ArrayList<>();
  private volatile SharedIndexInformer<Pod> informer;

  public SimulatedPods(KubernetesClient client, SimulatedNodes nodes, SimulatedProperties properties,
      MeterRegistry registry, Clock clock) {
    this.client = client;
    this.nodes = nodes;
    this.properties = properties;
    this.clock = clock;
    this.queue = new WorkQueue<>("simulated_pods", registry);
    Gauge.builder("kubelet.simulated.nodes", nodes, n -> n.all().size())
        .description("Number of nodes this process simulates").register(registry);
    Gauge.builder("kubelet.running.pods", this, SimulatedPods::runningPods)
        .description("Number of pods running on the simulated nodes").register(registry);
  }

  public void start() {
    informer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        enqueueIfOurs(pod);
      }

      @Override
      public void onUpdate(Pod before, Pod after) {
        enqueueIfOurs(after);
      }

      @Override
      public void onDelete(Pod pod, boolean finalStateUnknown) {
        nodes.node(pod.getSpec().getNodeName()).ifPresent(node -> node.forget(pod.getMetadata().getUid()));
      }
    }, 0);
    var threads = DaemonThreads.named("simulated-pod-worker");
    for (int i = 0; i < properties.workers(); i++) {
      Thread thread = threads.newThread(this::work);
      workers.add(thread);
      thread.start();
    }
  }

  private void enqueueIfOurs(Pod pod) {
    if (pod.getSpec() != null && nodes.node(pod.getSpec().getNodeName()).isPresent()) {
      queue.add(ObjectKey.of(pod));
    }
  }

  private void work() {
    try {
      for (ObjectKey key; (key = queue.take()) != null; ) {
        try {
          Pod pod = informer.getIndexer().getByKey(key.namespace() + "/" + key.name());
          if (pod != null) {
            sync(pod);
          }
          queue.forget(key);
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            log.debug("simulated pod {}: {}", key, e.toString());
            queue.addRateLimited(key);
          }
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sync(Pod pod) {
    var resource = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName());
    SimulatedNode node = nodes.node(pod.getSpec().getNodeName()).orElseThrow();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      resource.withGracePeriod(0).delete();
      node.forget(pod.getMetadata().getUid());
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return;
    }
    Instant now = clock.instant();
    Instant started = pod.getStatus() != null && pod.getStatus().getStartTime() != null
        ? Instant.parse(pod.getStatus().getStartTime()) : now;
    PodStatus status = PodStatusCalculator.calculate(pod,
        SimulatedContainers.of(pod, node.podIp(pod.getMetadata().getUid()), started), Map.of(), PASSING,
        node.properties().address(), now);
    if (!status.equals(pod.getStatus())) {
      resource.status().patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"status\":" + client.getKubernetesSerialization().asJson(status) + "}");
    }
  }

  private int runningPods() {
    SharedIndexInformer<Pod> current = informer;
    return current == null ? 0 : (int) current.getIndexer().list().stream()
        .filter(p -> p.getSpec() != null && nodes.node(p.getSpec().getNodeName()).isPresent())
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count();
  }

  @Override
  public void close() {
    queue.shutDown();
    if (informer != null) {
      informer.close();
    }
  }
}
