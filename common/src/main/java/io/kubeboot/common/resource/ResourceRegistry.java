package io.kubeboot.common.resource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resources kubeboot serves. Every generic piece (storage, REST handlers, discovery, Table
 * output, topics) is driven by this one list; adding a kind is adding a line here.
 */
public final class ResourceRegistry {

  private static final String RBAC = "rbac.authorization.k8s.io";

  private static final ResourceRegistry DEFAULT = new ResourceRegistry(List.of(
      core("Namespace", "namespaces", false, List.of("ns"), Set.of("status", "finalize"), Namespace.class),
      core("Pod", "pods", true, List.of("po"), Set.of("status", "binding", "log", "exec", "eviction"), Pod.class),
      core("Service", "services", true, List.of("svc"), Set.of("status"), Service.class),
      core("Endpoints", "endpoints", true, List.of("ep"), Set.of(), Endpoints.class),
      core("Node", "nodes", false, List.of("no"), Set.of("status"), Node.class),
      core("Event", "events", true, List.of("ev"), Set.of(), Event.class),
      core("ConfigMap", "configmaps", true, List.of("cm"), Set.of(), ConfigMap.class),
      core("Secret", "secrets", true, List.of(), Set.of(), Secret.class),
      core("ServiceAccount", "serviceaccounts", true, List.of("sa"), Set.of(), ServiceAccount.class),
      type("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), Set.of("status", "scale"), Deployment.class),
      type("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), Set.of("status", "scale"), ReplicaSet.class),
      type("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), Set.of("status"), DaemonSet.class),
      type("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), Set.of("status", "scale"), StatefulSet.class),
      type("batch", "v1", "Job", "jobs", true, List.of(), Set.of("status"), Job.class),
      type("batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), Set.of("status"), CronJob.class),
      type("coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), Set.of(), Lease.class),
      type("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, List.of(), Set.of(), EndpointSlice.class),
      type(RBAC, "v1", "Role", "roles", true, List.of(), Set.of(), Role.class),
      type(RBAC, "v1", "ClusterRole", "clusterroles", false, List.of(), Set.of(), ClusterRole.class),
      type(RBAC, "v1", "RoleBinding", "rolebindings", true, List.of(), Set.of(), RoleBinding.class),
      type(RBAC, "v1", "ClusterRoleBinding", "clusterrolebindings", false, List.of(), Set.of(), ClusterRoleBinding.class)));

  private final Map<String, ResourceType> byPath = new LinkedHashMap<>();
  private final Map<String, ResourceType> byKind = new LinkedHashMap<>();

  ResourceRegistry(List<ResourceType> types) {
    for (ResourceType type : types) {
      byPath.put(type.group() + "/" + type.version() + "/" + type.plural(), type);
      byKind.put(type.apiVersion() + "/" + type.kind(), type);
    }
  }

  public static ResourceRegistry standard() {
    return DEFAULT;
  }

  public List<ResourceType> all() {
    return List.copyOf(byPath.values());
  }

  /** Looks a resource up by its REST coordinates; {@code group} is empty for the core group. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
  }

  public Optional<ResourceType> byKind(String apiVersion, String kind) {
    return Optional.ofNullable(byKind.get(apiVersion + "/" + kind));
  }

  public Optional<ResourceType> of(HasMetadata object) {
    return byKind(object.getApiVersion(), object.getKind());
  }

  private static ResourceType core(String kind, String plural, boolean namespaced, List<String> shortNames,
      Set<String> subresources, Class<? extends HasMetadata> type) {
    return type("", "v1", kind, plural, namespaced, shortNames, subresources, type);
  }

  private static ResourceType type(String group, String version, String kind, String plural, boolean namespaced,
      List<String> shortNames, Set<String> subresources, Class<? extends HasMetadata> type) {
    return new ResourceType(group, version, kind, plural, kind.toLowerCase(java.util.Locale.ROOT), namespaced,
        shortNames, subresources, type);
  }
}
