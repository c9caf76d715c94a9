package io.kubeboot.reconciler.statefulset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubeboot.reconciler.runtime.PodTemplates;
import io.kubeboot.reconciler.runtime.Pods;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StatefulSet pod's identity, as upstream's {@code stateful_set_utils}: the name
 * {@code <set>-<ordinal>}, the pod-name and pod-index labels, hostname and subdomain, and the
 * revision label; plus the pod states the ordered policy waits for.
 */
final class StatefulPods {

  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  static final String REVISION_LABEL = "controller-revision-hash";
  private static final Pattern NAME = Pattern.compile("(.*)-([0-9]+)$");

  private StatefulPods() {
  }

  /** The ordinal of a pod of this set; empty for a pod whose name does not belong to it. */
  static OptionalInt ordinal(StatefulSet set, Pod pod) {
    Matcher matcher = NAME.matcher(pod.getMetadata().getName());
    if (!matcher.matches() || !matcher.group(1).equals(set.getMetadata().getName())) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(matcher.group(2)));
    } catch (NumberFormatException tooLarge) {
      return OptionalInt.empty();
    }
  }

  static String name(StatefulSet set, int ordinal) {
    return set.getMetadata().getName() + "-" + ordinal;
  }

  /** Upstream's {@code newVersionedStatefulSetPod} from the template, labelled with {@code revision}. */
  static Pod podFor(StatefulSet set, int ordinal, String revision) {
    String name = name(set, ordinal);
    return new PodBuilder(PodTemplates.podFor(set, set.getSpec().getTemplate()))
        .editMetadata().withGenerateName(null).withName(name)
        .addToLabels(POD_NAME_LABEL, name).addToLabels(POD_INDEX_LABEL, Integer.toString(ordinal))
        .addToLabels(REVISION_LABEL, revision).endMetadata()
        .editSpec().withHostname(name).withSubdomain(set.getSpec().getServiceName()).endSpec()
        .build();
  }

  static String revision(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(REVISION_LABEL);
  }

  static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean finished(Pod pod) {
    String phase = phase(pod);
    return "Failed".equals(phase) || "Succeeded".equals(phase);
  }

  static boolean runningAndReady(Pod pod) {
    return "Running".equals(phase(pod)) && Pods.ready(pod);
  }

  static boolean runningAndAvailable(Pod pod, int minReadySeconds, Instant now) {
    return "Running".equals(phase(pod)) && Pods.available(pod, minReadySeconds, now);
  }

  static boolean healthy(Pod pod) {
    return runningAndReady(pod) && !terminating(pod);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
