package io.kubeboot.reconciler.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import java.util.List;

/**
 * Upstream's {@code PodControl} with its expectations: creates and deletes the pods of one owner
 * (ReplicaSet, Job), tells {@link Expectations} what it will see, and records the events
 * {@code SuccessfulCreate}, {@code FailedCreate} and {@code SuccessfulDelete} about the owner.
 */
public final class PodControl {

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Expectations expectations;
  private final String component;

  public PodControl(KubernetesClient client, EventRecorder events, Expectations expectations, String component) {
    this.client = client;
    this.events = events;
    this.expectations = expectations;
    this.component = component;
  }

  /** Creates {@code count} pods from {@code template}; the first failure stops the batch and is thrown. */
  public void create(ObjectKey key, HasMetadata owner, PodTemplateSpec template, int count) {
    expectations.expect(key, count, 0);
    for (int i = 0; i < count; i++) {
      Pod created;
      try {
        created = client.pods().inNamespace(key.namespace()).resource(PodTemplates.podFor(owner, template)).create();
      } catch (KubernetesClientException e) {
        expectations.creationsObserved(key, count - i); // this one and the ones not tried will never be seen
        events.warning(owner, component, "FailedCreate", "Error creating: " + e.getMessage());
        throw e;
      }
      events.normal(owner, component, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    }
  }

  /** Deletes {@code victims}; one already gone counts as deleted, any other failure is thrown. */
  public void delete(ObjectKey key, HasMetadata owner, List<Pod> victims) {
    expectations.expect(key, 0, victims.size());
    for (int i = 0; i < victims.size(); i++) {
      Pod pod = victims.get(i);
      try {
        client.pods().inNamespace(key.namespace()).withName(pod.getMetadata().getName()).delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          expectations.deletionsObserved(key, victims.size() - i);
          throw e;
        }
        expectations.deletionObserved(key); // already gone: its event may have passed before we expected it
        continue;
      }
      events.normal(owner, component, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
    }
  }
}
