package io.kubeboot.resources.patch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code patchStrategy}/{@code patchMergeKey} struct tags of k8s.io/api for the list fields of
 * the kinds kubeboot serves, transcribed onto the fabric8 classes that stand for those Go structs.
 * fabric8 models carry no such metadata, and no Java artifact publishes it, so it is written here;
 * it changes only when upstream adds a tagged field. Lists not named here are replaced whole, which
 * upstream deliberately does for some lists that look mergeable: tolerations, container args and
 * command, and a Node's taints (kubectl taint sends the complete new list).
 */
final class PatchStrategies {

  private static final ListStrategy BY_NAME = ListStrategy.byKey("name");
  private static final ListStrategy BY_TYPE = ListStrategy.byKey("type");
  private static final ListStrategy BY_IP = ListStrategy.byKey("ip");

  /** The same tags on Container and EphemeralContainer (EphemeralContainerCommon upstream). */
  private static final Map<String, ListStrategy> CONTAINER = Map.of(
      "ports", ListStrategy.byKey("containerPort"),
      "env", BY_NAME,
      "volumeMounts", ListStrategy.byKey("mountPath"),
      "volumeDevices", ListStrategy.byKey("devicePath"));

  private static final Map<String, ListStrategy> CONDITIONS = Map.of("conditions", BY_TYPE);

  private static final Map<Class<?>, Map<String, ListStrategy>> TAGS = tags();

  private PatchStrategies() {
  }

  static ListStrategy of(Class<?> type, String field) {
    return TAGS.getOrDefault(type, Map.of()).getOrDefault(field, ListStrategy.REPLACE);
  }

  private static Map<Class<?>, Map<String, ListStrategy>> tags() {
    Map<Class<?>, Map<String, ListStrategy>> tags = new HashMap<>();
    tags.put(ObjectMeta.class, Map.of(
        "finalizers", ListStrategy.PRIMITIVES,
        "ownerReferences", ListStrategy.byKey("uid")));
    tags.put(PodSpec.class, Map.of(
        "containers", BY_NAME,
        "initContainers", BY_NAME,
        "ephemeralContainers", BY_NAME,
        "volumes", BY_NAME,
        "imagePullSecrets", BY_NAME,
        "hostAliases", BY_IP,
        "topologySpreadConstraints", ListStrategy.byKey("topologyKey"),
        "resourceClaims", BY_NAME,
        "schedulingGates", BY_NAME));
    tags.put(Container.class, CONTAINER);
    tags.put(EphemeralContainer.class, CONTAINER);
    tags.put(PodStatus.class, Map.of(
        "conditions", BY_TYPE,
        "podIPs", BY_IP,
        "hostIPs", BY_IP,
        "resourceClaimStatuses", BY_NAME));
    tags.put(NodeSpec.class, Map.of("podCIDRs", ListStrategy.PRIMITIVES));
    tags.put(NodeStatus.class, Map.of("conditions", BY_TYPE, "addresses", BY_TYPE));
    tags.put(ServiceSpec.class, Map.of("ports", ListStrategy.byKey("port")));
    tags.put(ServiceAccount.class, Map.of("secrets", BY_NAME));
    for (Class<?> status : new Class<?>[] {NamespaceStatus.class, ServiceStatus.class, DeploymentStatus.class,
        ReplicaSetStatus.class, DaemonSetStatus.class, StatefulSetStatus.class, JobStatus.class}) {
      tags.put(status, CONDITIONS);
    }
    return Map.copyOf(tags);
  }
}
