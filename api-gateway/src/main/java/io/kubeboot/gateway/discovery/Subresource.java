package io.kubeboot.gateway.discovery;

import io.kubeboot.common.resource.ResourceType;
import java.util.Arrays;
import java.util.List;

/**
 * What discovery says about each subresource name the registry uses: the kind it answers with
 * (its owner's unless stated) and its verbs, as upstream lists them.
 */
public enum Subresource {
  STATUS("status", null, List.of("get", "patch", "update")),
  SCALE("scale", new GroupVersionKind("autoscaling", "v1", "Scale"), List.of("get", "patch", "update")),
  LOG("log", null, List.of("get")),
  EXEC("exec", new GroupVersionKind("", "v1", "PodExecOptions"), List.of("create", "get")),
  BINDING("binding", new GroupVersionKind("", "v1", "Binding"), List.of("create")),
  EVICTION("eviction", new GroupVersionKind("policy", "v1", "Eviction"), List.of("create")),
  FINALIZE("finalize", null, List.of("update"));

  private final String path;
  private final GroupVersionKind kind;
  private final List<String> verbs;

  Subresource(String path, GroupVersionKind kind, List<String> verbs) {
    this.path = path;
    this.kind = kind;
    this.verbs = verbs;
  }

  /** The subresources of a type, in a stable order. */
  public static List<Subresource> of(ResourceType type) {
    return Arrays.stream(values()).filter(s -> type.hasSubresource(s.path)).toList();
  }

  /** Whether every subresource the type declares is described here. */
  static boolean describesAll(ResourceType type) {
    return of(type).size() == type.subresources().size();
  }

  public String path() {
    return path;
  }

  public List<String> verbs() {
    return verbs;
  }

  public boolean writable() {
    return verbs.contains("patch");
  }

  public GroupVersionKind responseKind(ResourceType owner) {
    return kind == null ? GroupVersionKind.of(owner) : kind;
  }
}
