package io.kubeboot.resources.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.strategy.ObjectMetaValidation;
import io.kubeboot.resources.strategy.ResourceStrategy;
import io.kubeboot.resources.strategy.Strategies;
import io.kubeboot.resources.strategy.UnknownFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a client's body into the object to store: checks that it is the resource the URL names,
 * sets the server-owned metadata, applies the kind's strategy (defaults, validation), bumps
 * {@code metadata.generation} on spec changes. What needs the database (the namespace's
 * lifecycle, Service allocations) happens in the write itself.
 */
@Component
class ObjectPreparation {

  /** Upstream's generateName alphabet: no vowels (no words), no look-alike characters. */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Clock clock;

  ObjectPreparation(Clock clock) {
    this.clock = clock;
  }

  ObjectNode forCreate(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    checkKind(type, body);
    ObjectNode metadata = Metadata.of(body);
    if (type.namespaced()) {
      String declared = metadata.path("namespace").asString("");
      if (!declared.isEmpty() && !declared.equals(namespace)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on "
            + "the request");
      }
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    String generateName = metadata.path("generateName").asString("");
    if (metadata.path("name").asString("").isEmpty() && !generateName.isEmpty()) {
      metadata.put("name", generateName + randomSuffix());
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", Metadata.timestamp(clock.instant()));
    for (String serverOwned : List.of("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds",
        "selfLink", "managedFields", "generation")) {
      metadata.remove(serverOwned);
    }
    if (body.has("spec")) {
      metadata.put("generation", 1);
    }

    ResourceStrategy<HasMetadata> strategy = strategy(type);
    HasMetadata object = typed(type, body, options);
    strategy.prepareForCreate(object);
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(object.getMetadata(), type,
        strategy.nameRule()));
    errors.addAll(strategy.validate(object));
    failIfInvalid(type, object, errors);
    return Typed.write(object);
  }

  /** @param subresource null for the main resource, else {@code status} or {@code finalize} */
  ObjectNode forUpdate(ResourceType type, ObjectNode current, ObjectNode desired, String subresource,
      WriteOptions options) {
    boolean statusOnly = "status".equals(subresource);
    checkKind(type, desired);
    ObjectNode metadata = Metadata.of(desired);
    JsonNode currentMetadata = current.path("metadata");
    // what the server owns comes from the stored object, whatever the client sent
    for (String serverOwned : List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "generation", "namespace", "name")) {
      if (currentMetadata.has(serverOwned)) {
        metadata.set(serverOwned, currentMetadata.get(serverOwned));
      } else {
        metadata.remove(serverOwned);
      }
    }
    metadata.remove("managedFields");

    ResourceStrategy<HasMetadata> strategy = strategy(type);
    HasMetadata old = Typed.read(type, current);
    HasMetadata object = typed(type, desired, options);
    if (statusOnly) {
      strategy.prepareForStatusUpdate(object, old);
    } else if ("finalize".equals(subresource)) {
      strategy.prepareForFinalizeUpdate(object, old);
    } else {
      strategy.prepareForUpdate(object, old);
    }
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(object.getMetadata(), type,
        strategy.nameRule()));
    errors.addAll(strategy.validateUpdate(object, old));
    failIfInvalid(type, object, errors);
    ObjectNode prepared = Typed.write(object);
    if (!statusOnly && !JsonEquality.same(prepared.path("spec"), current.path("spec"))) {
      Metadata.of(prepared).put("generation", currentMetadata.path("generation").asLong(0) + 1);
    }
    return prepared;
  }

  private static HasMetadata typed(ResourceType type, ObjectNode body, WriteOptions options) {
    HasMetadata object = Typed.read(type, body);
    if (options.fieldValidation() == WriteOptions.FieldValidation.STRICT) {
      List<String> unknown = UnknownFields.find(object);
      if (!unknown.isEmpty()) {
        // upstream (see UnknownFields): 400 for a body that cannot be decoded strictly, but 422
        // on the field "patch" when it is a patch's result that has the unknown fields
        String detail = "strict decoding error: "
            + String.join(", ", unknown.stream().map(f -> "unknown field \"" + f + "\"").toList());
        if (options.patch()) {
          throw ApiException.invalid("", "", "", List.of(FieldError.invalid("patch", null, detail)));
        }
        throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
            + type.kind() + ": " + detail);
      }
    }
    return object;
  }

  private static void checkKind(ResourceType type, ObjectNode body) {
    String apiVersion = body.path("apiVersion").asString("");
    String kind = body.path("kind").asString("");
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.apiVersion() + ")");
    }
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw ApiException.badRequest(kind + " in version \"" + type.version() + "\" cannot be handled as a "
          + type.kind() + ": the kind in the data (" + kind + ") does not match the expected kind (" + type.kind()
          + ")");
    }
    body.put("apiVersion", type.apiVersion());
    body.put("kind", type.kind());
  }

  private static void failIfInvalid(ResourceType type, HasMetadata object, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      String name = object.getMetadata().getName() != null ? object.getMetadata().getName() : "";
      throw ApiException.invalid(type.kind(), type.group(), name, errors);
    }
  }

  @SuppressWarnings("unchecked")
  private static ResourceStrategy<HasMetadata> strategy(ResourceType type) {
    return (ResourceStrategy<HasMetadata>) Strategies.forType(type);
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      suffix.append(NAME_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(NAME_ALPHABET.length())));
    }
    return suffix.toString();
  }
}
