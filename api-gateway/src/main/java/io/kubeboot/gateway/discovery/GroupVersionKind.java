package io.kubeboot.gateway.discovery;

import io.kubeboot.common.resource.ResourceType;

/** A kind in a group-version, as written in discovery's {@code responseKind} and OpenAPI's extensions. */
public record GroupVersionKind(String group, String version, String kind) {

  public static GroupVersionKind of(ResourceType type) {
    return new GroupVersionKind(type.group(), type.version(), type.kind());
  }
}
