package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceInformer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informers the controllers share, one per resource, as client-go's shared informer factory:
 * each resource is listed and followed once however many controllers read it. Every informer indexes
 * by namespace and by owner uid, the two questions controllers ask. Controllers ask for informers
 * while registering handlers; {@link #start} then starts them all.
 */
public final class Informers {

  private final KubernetesClient client;
  private final Map<String, Object> kafkaConfig;
  private final Duration resyncPeriod;
  private final MeterRegistry registry;
  private final Map<Class<?>, ResourceInformer<?>> informers = new LinkedHashMap<>();

  public Informers(KubernetesClient client, Map<String, Object> kafkaConfig, Duration resyncPeriod,
      MeterRegistry registry) {
    this.client = client;
    this.kafkaConfig = kafkaConfig;
    this.resyncPeriod = resyncPeriod;
    this.registry = registry;
  }

  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> ResourceInformer<T> of(Class<T> type) {
    return (ResourceInformer<T>) informers.computeIfAbsent(type, t -> {
      ResourceInformer<T> informer = ResourceInformer.of(type, client, kafkaConfig, resyncPeriod, registry)
          .addIndex(Indexes.NAMESPACE, Indexes.namespace())
          .addIndex(Indexes.OWNER_UID, Indexes.ownerUid());
      if (type == Pod.class) {
        ((ResourceInformer<Pod>) informer).addIndex(Indexes.NODE_NAME, Indexes.nodeName());
      }
      return informer;
    });
  }

  synchronized void start() {
    informers.values().forEach(ResourceInformer::start);
  }

  synchronized boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ResourceInformer<?> informer : informers.values()) {
      if (!informer.awaitSynced(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  synchronized void stop() throws InterruptedException {
    for (ResourceInformer<?> informer : informers.values()) {
      informer.stop();
    }
  }
}
