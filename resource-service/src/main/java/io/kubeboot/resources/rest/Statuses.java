package io.kubeboot.resources.rest;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;

/** The {@code Status} bodies of successful requests that return no object. */
final class Statuses {

  private Statuses() {
  }

  static Status success(int code) {
    return new StatusBuilder().withApiVersion("v1").withKind("Status").withNewMetadata().endMetadata()
        .withStatus("Success").withCode(code).build();
  }
}
