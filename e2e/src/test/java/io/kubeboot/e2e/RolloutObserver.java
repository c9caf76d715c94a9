package io.kubeboot.e2e;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one Deployment's ReplicaSets and pods (label {@code app=<name>}) while a test runs, and
 * remembers what a controller could do wrong without the end state showing it: the most replicas
 * its ReplicaSets asked for at once, and every pod created, by the ReplicaSet that created it.
 */
final class RolloutObserver implements AutoCloseable {

  private final Map<String, Integer> specReplicas = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> podsCreatedBy = new ConcurrentHashMap<>();
  private final AtomicInteger maxSpecReplicas = new AtomicInteger();
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Pod> pods;

  private RolloutObserver(KubernetesClient client, String namespace, String app) {
    // pods first: the ReplicaSets' informer then knows every pod that existed before it started
    pods = client.pods().inNamespace(namespace).withLabel("app", app).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
        podsCreatedBy.computeIfAbsent(owner.getName(), name -> ConcurrentHashMap.newKeySet())
            .add(pod.getMetadata().getName());
      }

      @Override
      public void onUpdate(Pod old, Pod now) {
      }

      @Override
      public void onDelete(Pod pod, boolean unknown) {
      }
    }, 0);
    replicaSets = client.apps().replicaSets().inNamespace(namespace).withLabel("app", app)
        .inform(new ResourceEventHandler<>() {
          @Override
          public void onAdd(ReplicaSet rs) {
            record(rs);
          }

          @Override
          public void onUpdate(ReplicaSet old, ReplicaSet now) {
            record(now);
          }

          @Override
          public void onDelete(ReplicaSet rs, boolean unknown) {
            specReplicas.remove(rs.getMetadata().getName());
          }
        }, 0);
  }

  /** Starts watching; pods that exist already count as created before the observation. */
  static RolloutObserver start(KubernetesClient client, String namespace, String app) {
    return new RolloutObserver(client, namespace, app);
  }

  private synchronized void record(ReplicaSet rs) {
    specReplicas.put(rs.getMetadata().getName(), rs.getSpec().getReplicas());
    maxSpecReplicas.accumulateAndGet(specReplicas.values().stream().mapToInt(Integer::intValue).sum(), Math::max);
  }

  /** The largest sum of the ReplicaSets' spec.replicas seen at any one time. */
  int maxSpecReplicas() {
    return maxSpecReplicas.get();
  }

  /** The names of every pod seen of the ReplicaSet {@code name}, present at the start or created since. */
  Set<String> podsOf(String replicaSet) {
    return Set.copyOf(podsCreatedBy.getOrDefault(replicaSet, Set.of()));
  }

  @Override
  public void close() {
    replicaSets.close();
    pods.close();
  }
}
