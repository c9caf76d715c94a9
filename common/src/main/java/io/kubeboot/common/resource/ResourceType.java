package io.kubeboot.common.resource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.event.ResourceTopics;
import java.util.List;
import java.util.Set;

/**
 * Everything generic code needs to know about one kind of object: where it lives in the REST
 * API, how discovery names it, which subresources it has, and its fabric8 model class.
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    Set<String> subresources,
    Class<? extends HasMetadata> type) {

  public static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** {@code v1} for the core group, {@code apps/v1} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Upstream's group-resource string: {@code pods}, {@code deployments.apps}. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The REST prefix of this group-version: {@code /api/v1} or {@code /apis/apps/v1}. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  public String topic() {
    return ResourceTopics.topic(plural, group);
  }

  public boolean hasSubresource(String name) {
    return subresources.contains(name);
  }

  /** Objects in discovery's {@code all} category, as upstream: the workload and service kinds. */
  public boolean inCategoryAll() {
    return Set.of("pods", "services", "deployments", "replicasets", "daemonsets", "statefulsets",
        "jobs", "cronjobs").contains(plural);
  }
}
