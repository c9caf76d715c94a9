package io.kubeboot.resources.patch;

import io.kubeboot.common.resource.ResourceType;

/**
 * What a position in the object being patched is, as far as merging goes: the fabric8 model class
 * found there, or none (a kind without a model class, or a field the model does not know). Like
 * upstream's reflection over Go structs, the class is found by walking the model from the kind's
 * class along the JSON path, so {@code PodSpec.containers} merges by name wherever a PodSpec sits:
 * in a Pod, in a Deployment's template, in a CronJob's job template.
 */
record PatchMeta(Class<?> type) {

  /** Nothing known: maps merge, lists are replaced, as in a JSON merge patch. */
  static final PatchMeta UNKNOWN = new PatchMeta(null);

  static PatchMeta of(ResourceType resource) {
    return resource == null ? UNKNOWN : new PatchMeta(resource.type());
  }

  /** The value of a field, or an element of it if it is a list or map. */
  PatchMeta field(String name) {
    return type == null ? UNKNOWN : new PatchMeta(ModelProperties.valueType(type, name));
  }

  ListStrategy listStrategy(String field) {
    return type == null ? ListStrategy.REPLACE : PatchStrategies.of(type, field);
  }
}
