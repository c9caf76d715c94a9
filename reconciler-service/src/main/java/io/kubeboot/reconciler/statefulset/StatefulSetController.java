package io.kubeboot.reconciler.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.Indexes;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.EventRecorder;
import io.kubeboot.reconciler.runtime.Expectations;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.OwnedPods;
import io.kubeboot.reconciler.runtime.PodClaims;
import io.kubeboot.reconciler.runtime.Result;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Gives each StatefulSet pods with a stable identity, {@code <set>-0} to {@code <set>-(n-1)}, made,
 * removed and updated in the order {@link StatefulSetPlan} decides, and reports their counts and
 * revisions through {@code /status}. volumeClaimTemplates are not acted on: kubeboot serves no
 * PersistentVolumeClaims.
 */
public final class StatefulSetController implements Controller {

  static final String COMPONENT = "statefulset-controller";
  private static final String KIND = "StatefulSet";

  private final KubernetesClient client;
  private final ResourceInformer<StatefulSet> statefulSets;
  private final ResourceInformer<Pod> pods;
  private final EventRecorder events;
  private final Clock clock;
  private final Expectations expectations = new Expectations();
  private final PodClaims claims;

  public StatefulSetController(KubernetesClient client, Informers informers, EventRecorder events, Clock clock) {
    this.client = client;
    this.statefulSets = informers.of(StatefulSet.class);
    this.pods = informers.of(Pod.class);
    this.events = events;
    this.clock = clock;
    this.claims = new PodClaims(client);
  }

  @Override
  public String name() {
    return "statefulset";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    statefulSets.addEventHandler(ResourceEventHandler.enqueueing(queue));
    OwnedPods.watch(pods, KIND, statefulSets, (set, pod) -> PodClaims.wouldAdopt(set.getSpec().getSelector(), pod)
        && StatefulPods.ordinal(set, pod).isPresent(), expectations, queue);
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<StatefulSet> cached = statefulSets.get(key);
    if (cached.isEmpty()) {
      expectations.forget(key);
      return Result.done();
    }
    StatefulSet set = cached.get();
    NavigableMap<Integer, Pod> members = members(set);
    String updateRevision = StatefulSetStatuses.updateRevision(set);
    String currentRevision = StatefulSetStatuses.currentRevision(set, updateRevision);
    if (expectations.satisfied(key) && set.getMetadata().getDeletionTimestamp() == null) {
      List<StatefulSetPlan.Action> actions = StatefulSetPlan.of(set, members, updateRevision, clock.instant());
      perform(key, set, actions, updateRevision);
    }
    StatefulSetStatus status = StatefulSetStatuses.calculate(set, members.values(), currentRevision, updateRevision,
        clock.instant());
    if (StatefulSetStatuses.differs(set, status)) {
      StatefulSet updated = new StatefulSetBuilder(set).withStatus(status).build();
      client.apps().statefulSets().inNamespace(key.namespace()).resource(updated).updateStatus();
    }
    return Result.done();
  }

  /** The set's pods by ordinal: those it controls (after adopting matching orphans) whose names are its members'. */
  private NavigableMap<Integer, Pod> members(StatefulSet set) {
    List<Pod> candidates = pods.byIndex(Indexes.NAMESPACE, set.getMetadata().getNamespace()).stream()
        .filter(pod -> StatefulPods.ordinal(set, pod).isPresent()).toList();
    NavigableMap<Integer, Pod> members = new TreeMap<>();
    for (Pod pod : claims.claim(set, set.getSpec().getSelector(), candidates)) {
      OptionalInt ordinal = StatefulPods.ordinal(set, pod);
      members.put(ordinal.getAsInt(), pod);
    }
    return members;
  }

  /** Performs the plan's actions with upstream's event wording, expecting each to be observed before the next plan. */
  private void perform(ObjectKey key, StatefulSet set, List<StatefulSetPlan.Action> actions, String updateRevision) {
    long creates = actions.stream().filter(StatefulSetPlan.Create.class::isInstance).count();
    expectations.expect(key, (int) creates, actions.stream().filter(StatefulSetPlan.Delete.class::isInstance)
        .map(action -> ((StatefulSetPlan.Delete) action).pod()).toList());
    for (StatefulSetPlan.Action action : actions) {
      if (action instanceof StatefulSetPlan.Create create) {
        create(key, set, create.ordinal(), updateRevision);
      } else if (action instanceof StatefulSetPlan.Delete delete) {
        delete(key, set, delete.pod());
      }
    }
  }

  private void create(ObjectKey key, StatefulSet set, int ordinal, String revision) {
    Pod pod = StatefulPods.podFor(set, ordinal, revision);
    String name = pod.getMetadata().getName();
    try {
      client.pods().inNamespace(key.namespace()).resource(pod).create();
      events.normal(set, COMPONENT, "SuccessfulCreate", "create Pod %s in StatefulSet %s successful"
          .formatted(name, set.getMetadata().getName()));
    } catch (KubernetesClientException e) {
      expectations.creationObserved(key); // never to be seen, or (409) seen before we expected it
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        events.warning(set, COMPONENT, "FailedCreate", "create Pod %s in StatefulSet %s failed error: %s"
            .formatted(name, set.getMetadata().getName(), e.getMessage()));
        throw e;
      }
    }
  }

  private void delete(ObjectKey key, StatefulSet set, Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      if (client.pods().inNamespace(key.namespace()).withName(name).delete().isEmpty()) {
        expectations.deletionObserved(key, pod); // already gone
        return;
      }
      events.normal(set, COMPONENT, "SuccessfulDelete", "delete Pod %s in StatefulSet %s successful"
          .formatted(name, set.getMetadata().getName()));
    } catch (KubernetesClientException e) {
      expectations.deletionObserved(key, pod);
      events.warning(set, COMPONENT, "FailedDelete", "delete Pod %s in StatefulSet %s failed error: %s"
          .formatted(name, set.getMetadata().getName(), e.getMessage()));
      throw e;
    }
  }
}
