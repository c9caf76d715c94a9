package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Upstream's {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate}: the rules every
 * object's metadata obeys whatever its kind, with upstream's field paths and messages.
 */
public final class ObjectMetaValidation {

  /** Upstream's {@code TotalAnnotationSizeLimitB}: keys and values of all annotations together. */
  static final int ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

  private static final FieldPath METADATA = FieldPath.of("metadata");

  private ObjectMetaValidation() {
  }

  /**
   * Name (or generateName) by {@code rule}, namespace required exactly when the type is
   * namespaced, labels, annotations, owner references and finalizers.
   */
  public static List<FieldError> validate(ObjectMeta meta, ResourceType type, NameRule rule) {
    List<FieldError> errors = new ArrayList<>();
    if (meta == null) {
      errors.add(FieldErrors.required(METADATA.child("name"), "name or generateName is required"));
      return errors;
    }
    String generateName = Nulls.string(meta.getGenerateName());
    if (!generateName.isEmpty()) {
      errors.addAll(FieldErrors.invalidEach(METADATA.child("generateName"), generateName,
          rule.checkPrefix(generateName)));
    }
    String name = Nulls.string(meta.getName());
    if (name.isEmpty()) {
      errors.add(FieldErrors.required(METADATA.child("name"), "name or generateName is required"));
    } else {
      errors.addAll(FieldErrors.invalidEach(METADATA.child("name"), name, rule.check(name)));
    }
    errors.addAll(namespace(meta, type));
    errors.addAll(FieldErrors.nonNegative(meta.getGeneration(), METADATA.child("generation")));
    errors.addAll(labels(meta.getLabels(), METADATA.child("labels")));
    errors.addAll(annotations(meta.getAnnotations(), METADATA.child("annotations")));
    errors.addAll(ownerReferences(Nulls.list(meta.getOwnerReferences())));
    errors.addAll(finalizers(Nulls.list(meta.getFinalizers())));
    return errors;
  }

  /**
   * What an update may not do to metadata: change identity fields, decrement the generation, or
   * add finalizers to an object being deleted. The rules of {@link #validate} hold on update too
   * and are the caller's to run. (Upstream also demands a resourceVersion here; the storage
   * layer handles versions itself, as unconditional updates are allowed.)
   */
  static List<FieldError> validateUpdate(ObjectMeta meta, ObjectMeta old) {
    List<FieldError> errors = new ArrayList<>();
    if (old.getDeletionTimestamp() != null) {
      TreeSet<String> added = new TreeSet<>(Nulls.list(meta.getFinalizers()));
      added.removeAll(Nulls.list(old.getFinalizers()));
      if (!added.isEmpty()) {
        errors.add(FieldErrors.forbidden(METADATA.child("finalizers"),
            "no new finalizers can be added if the object is being deleted, found new finalizers "
                + GoValue.of(List.copyOf(added))));
      }
    }
    if (meta.getGeneration() != null && old.getGeneration() != null && meta.getGeneration() < old.getGeneration()) {
      errors.add(FieldErrors.invalid(METADATA.child("generation"), meta.getGeneration(), "must not be decremented"));
    }
    errors.addAll(FieldErrors.immutable(meta.getName(), old.getName(), METADATA.child("name")));
    errors.addAll(FieldErrors.immutable(meta.getNamespace(), old.getNamespace(), METADATA.child("namespace")));
    errors.addAll(FieldErrors.immutable(meta.getUid(), old.getUid(), METADATA.child("uid")));
    errors.addAll(FieldErrors.immutable(meta.getCreationTimestamp(), old.getCreationTimestamp(),
        METADATA.child("creationTimestamp")));
    errors.addAll(FieldErrors.immutable(meta.getDeletionTimestamp(), old.getDeletionTimestamp(),
        METADATA.child("deletionTimestamp")));
    errors.addAll(FieldErrors.immutable(meta.getDeletionGracePeriodSeconds(), old.getDeletionGracePeriodSeconds(),
        METADATA.child("deletionGracePeriodSeconds")));
    return errors;
  }

  /** {@code ValidateLabels}: errors name the whole map's path, as upstream's do. */
  static List<FieldError> labels(Map<String, String> labels, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    new TreeMap<>(Nulls.map(labels)).forEach((key, value) -> {
      errors.addAll(FieldErrors.invalidEach(path, key, StringFormats.qualifiedName(key)));
      errors.addAll(FieldErrors.invalidEach(path, value, StringFormats.labelValue(Nulls.string(value))));
    });
    return errors;
  }

  /** {@code ValidateAnnotations}: qualified keys (case-insensitive) and 256 KiB in total. */
  static List<FieldError> annotations(Map<String, String> annotations, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    long size = 0;
    for (Map.Entry<String, String> entry : new TreeMap<>(Nulls.map(annotations)).entrySet()) {
      String key = entry.getKey();
      errors.addAll(FieldErrors.invalidEach(path, key, StringFormats.qualifiedName(key.toLowerCase(Locale.ROOT))));
      size += key.getBytes(StandardCharsets.UTF_8).length
          + Nulls.string(entry.getValue()).getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > ANNOTATIONS_SIZE_LIMIT) {
      errors.add(FieldErrors.tooLong(path, ANNOTATIONS_SIZE_LIMIT));
    }
    return errors;
  }

  private static List<FieldError> namespace(ObjectMeta meta, ResourceType type) {
    String namespace = Nulls.string(meta.getNamespace());
    FieldPath path = METADATA.child("namespace");
    if (!type.namespaced()) {
      return namespace.isEmpty() ? List.of() : List.of(FieldErrors.forbidden(path, "not allowed on this type"));
    }
    if (namespace.isEmpty()) {
      return List.of(FieldErrors.required(path));
    }
    return FieldErrors.invalidEach(path, namespace, NameRule.DNS1123_LABEL.check(namespace));
  }


  // upstream reports owner reference problems on the list's path, without an index
  private static List<FieldError> ownerReferences(List<OwnerReference> references) {
    FieldPath path = METADATA.child("ownerReferences");
    List<FieldError> errors = new ArrayList<>();
    String firstController = null;
    for (OwnerReference reference : references) {
      String apiVersion = Nulls.string(reference.getApiVersion());
      String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
      if (version.isEmpty()) {
        errors.add(FieldErrors.invalid(path.child("apiVersion"), apiVersion, "version must not be empty"));
      }
      if (Nulls.string(reference.getKind()).isEmpty()) {
        errors.add(FieldErrors.invalid(path.child("kind"), Nulls.string(reference.getKind()), "must not be empty"));
      }
      if (Nulls.string(reference.getName()).isEmpty()) {
        errors.add(FieldErrors.invalid(path.child("name"), Nulls.string(reference.getName()), "must not be empty"));
      }
      if (Nulls.string(reference.getUid()).isEmpty()) {
        errors.add(FieldErrors.invalid(path.child("uid"), Nulls.string(reference.getUid()), "must not be empty"));
      }
      if (Boolean.TRUE.equals(reference.getController())) {
        String current = reference.getKind() + "/" + reference.getName();
        if (firstController != null) {
          errors.add(FieldErrors.invalid(path, GoValue.of(references),
              "Only one reference can have Controller set to true. Found \"true\" in references for "
                  + firstController + " and " + current));
        } else {
          firstController = current;
        }
      }
    }
    return errors;
  }

  private static List<FieldError> finalizers(List<String> finalizers) {
    FieldPath path = METADATA.child("finalizers");
    List<FieldError> errors = new ArrayList<>();
    for (String finalizer : finalizers) {
      errors.addAll(FieldErrors.invalidEach(path, finalizer, StringFormats.qualifiedName(Nulls.string(finalizer))));
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      errors.add(FieldErrors.invalid(path, GoValue.of(finalizers),
          "finalizer orphan and foregroundDeletion cannot be both set"));
    }
    return errors;
  }
}
