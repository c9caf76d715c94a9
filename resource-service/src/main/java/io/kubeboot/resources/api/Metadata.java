package io.kubeboot.resources.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the {@code metadata} of an object held as a JSON tree. */
final class Metadata {

  private Metadata() {
  }

  static ObjectNode of(ObjectNode object) {
    return object.withObject("/metadata");
  }

  static String name(ObjectNode object) {
    return object.path("metadata").path("name").asString("");
  }

  static String namespace(ObjectNode object) {
    return object.path("metadata").path("namespace").asString("");
  }

  static String resourceVersion(ObjectNode object) {
    return object.path("metadata").path("resourceVersion").asString("");
  }

  static String uid(ObjectNode object) {
    return object.path("metadata").path("uid").asString("");
  }

  static boolean deleting(ObjectNode object) {
    return object.path("metadata").hasNonNull("deletionTimestamp");
  }

  static boolean hasFinalizers(ObjectNode object) {
    JsonNode finalizers = object.path("metadata").path("finalizers");
    return finalizers.isArray() && !finalizers.isEmpty();
  }

  static boolean hasFinalizer(ObjectNode object, String finalizer) {
    for (JsonNode f : object.path("metadata").path("finalizers")) {
      if (finalizer.equals(f.asString())) {
        return true;
      }
    }
    return false;
  }

  static void addFinalizer(ObjectNode object, String finalizer) {
    if (!hasFinalizer(object, finalizer)) {
      of(object).withArray("finalizers").add(finalizer);
    }
  }

  /** Kubernetes timestamps: RFC 3339 in UTC with second precision. */
  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
