package io.kubeboot.resources.store;

import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to other tables that commit with an object's write or not at all (a Service's
 * ClusterIP and NodePort allocations): runs in the write's transaction just before the object is
 * stored, may still change the object, and may refuse the write by throwing.
 */
@FunctionalInterface
public interface BeforeWrite {

  BeforeWrite NOTHING = object -> {
  };

  void apply(ObjectNode object);
}
