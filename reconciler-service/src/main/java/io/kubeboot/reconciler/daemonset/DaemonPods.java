package io.kubeboot.reconciler.daemonset;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.kubeboot.reconciler.runtime.PodTemplates;
import io.kubeboot.reconciler.runtime.TemplateHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DaemonSet's pod for one node, as upstream builds it: the template plus the tolerations every
 * daemon pod gets, a required node affinity on {@code metadata.name} that the scheduler binds by,
 * and the revision labels. Also where an existing pod is meant to run.
 */
final class DaemonPods {

  static final String REVISION_LABEL = "controller-revision-hash";
  static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";
  static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";
  private static final String NODE_NAME_FIELD = "metadata.name";

  private DaemonPods() {
  }

  /** The revision hash of the DaemonSet's current template, the value of {@link #REVISION_LABEL}. */
  static String hash(DaemonSet ds) {
    Integer collisions = ds.getStatus() == null ? null : ds.getStatus().getCollisionCount();
    return TemplateHash.of(ds.getSpec().getTemplate(), collisions == null ? 0 : collisions);
  }

  /** The pod to create on {@code nodeName}; its spec is what eligibility is decided on, too. */
  static Pod podFor(DaemonSet ds, String nodeName, String hash) {
    Pod pod = PodTemplates.podFor(ds, ds.getSpec().getTemplate());
    PodBuilder builder = new PodBuilder(pod).editMetadata().addToLabels(REVISION_LABEL, hash).endMetadata();
    templateGeneration(ds).ifPresent(generation -> builder.editMetadata()
        .addToLabels(TEMPLATE_GENERATION_LABEL, generation).endMetadata());
    Pod built = builder.build();
    PodSpec spec = built.getSpec();
    spec.setTolerations(withDaemonTolerations(spec.getTolerations(), Boolean.TRUE.equals(spec.getHostNetwork())));
    spec.setAffinity(targeting(spec.getAffinity(), nodeName));
    return built;
  }

  /**
   * Upstream's {@code AddOrUpdateDaemonPodTolerations}: a daemon pod stays on nodes that are not
   * ready or unreachable, and goes to nodes under pressure and cordoned ones.
   */
  static List<Toleration> withDaemonTolerations(List<Toleration> tolerations, boolean hostNetwork) {
    List<Toleration> result = new ArrayList<>(tolerations == null ? List.of() : tolerations);
    add(result, "node.kubernetes.io/not-ready", "NoExecute");
    add(result, "node.kubernetes.io/unreachable", "NoExecute");
    add(result, "node.kubernetes.io/disk-pressure", "NoSchedule");
    add(result, "node.kubernetes.io/memory-pressure", "NoSchedule");
    add(result, "node.kubernetes.io/pid-pressure", "NoSchedule");
    add(result, "node.kubernetes.io/unschedulable", "NoSchedule");
    if (hostNetwork) {
      add(result, "node.kubernetes.io/network-unavailable", "NoSchedule");
    }
    return result;
  }

  /** Replaces one with the same key and effect, as upstream's AddOrUpdateTolerationInPodSpec. */
  private static void add(List<Toleration> tolerations, String key, String effect) {
    Toleration toleration = new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
    tolerations.removeIf(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
    tolerations.add(toleration);
  }

  /**
   * Upstream's {@code ReplaceDaemonSetPodNodeNameNodeAffinity}: every required term keeps its label
   * expressions and gets {@code metadata.name In [node]} as its only field requirement, so the pod
   * fits exactly that node and the default scheduler binds it there.
   */
  static Affinity targeting(Affinity affinity, String nodeName) {
    NodeSelectorRequirement onNode = new NodeSelectorRequirementBuilder().withKey(NODE_NAME_FIELD)
        .withOperator("In").withValues(nodeName).build();
    Affinity result = affinity == null ? new Affinity() : affinity;
    NodeAffinity nodeAffinity = result.getNodeAffinity() == null ? new NodeAffinity() : result.getNodeAffinity();
    NodeSelector required = nodeAffinity.getRequiredDuringSchedulingIgnoredDuringExecution();
    List<NodeSelectorTerm> terms = new ArrayList<>();
    if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
      terms.add(new NodeSelectorTermBuilder().withMatchFields(onNode).build());
    } else {
      for (NodeSelectorTerm term : required.getNodeSelectorTerms()) {
        terms.add(new NodeSelectorTermBuilder(term).withMatchFields(onNode).build());
      }
    }
    nodeAffinity.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(terms));
    result.setNodeAffinity(nodeAffinity);
    return result;
  }

  /** Upstream's {@code GetTargetNodeName}: the node a pod is bound to, or the one its affinity names. */
  static Optional<String> targetNode(Pod pod) {
    PodSpec spec = pod.getSpec();
    if (spec == null) {
      return Optional.empty();
    }
    if (spec.getNodeName() != null && !spec.getNodeName().isEmpty()) {
      return Optional.of(spec.getNodeName());
    }
    if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null
        || spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return Optional.empty();
    }
    return spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().stream().flatMap(term -> term.getMatchFields().stream())
        .filter(field -> NODE_NAME_FIELD.equals(field.getKey()) && "In".equals(field.getOperator())
            && field.getValues() != null && field.getValues().size() == 1)
        .map(field -> field.getValues().get(0)).findFirst();
  }

  /** Up to date: its revision label is the current hash (upstream also accepts the template generation). */
  static boolean updated(Pod pod, String hash, Optional<String> templateGeneration) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    return hash.equals(labels.get(REVISION_LABEL)) || (!labels.containsKey(REVISION_LABEL)
        && templateGeneration.isPresent() && templateGeneration.get().equals(labels.get(TEMPLATE_GENERATION_LABEL)));
  }

  static Optional<String> templateGeneration(DaemonSet ds) {
    Map<String, String> annotations = ds.getMetadata().getAnnotations();
    return Optional.ofNullable(annotations == null ? null : annotations.get(TEMPLATE_GENERATION_ANNOTATION));
  }
}
