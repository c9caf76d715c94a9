package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * The order every kind follows, as upstream's generic store does: defaults, then admission and
 * PrepareForCreate/Update, then the kind's validation. Kinds fill in the hooks.
 */
abstract class BaseStrategy<T extends HasMetadata> implements ResourceStrategy<T> {

  private final ResourceType resourceType;
  private final Class<T> type;
  private final NameRule nameRule;
  private final StatusSubresource<T, ?, ?> status;

  BaseStrategy(ResourceType resourceType, Class<T> type, NameRule nameRule, StatusSubresource<T, ?, ?> status) {
    if (!resourceType.type().equals(type)) {
      throw new IllegalArgumentException(resourceType.kind() + " is served as " + resourceType.type().getName()
          + ", not " + type.getName());
    }
    this.resourceType = resourceType;
    this.type = type;
    this.nameRule = nameRule;
    this.status = status;
  }

  @Override
  public final Class<T> type() {
    return type;
  }

  @Override
  public final NameRule nameRule() {
    return nameRule;
  }

  /** Upstream's defaults.go for the kind; runs on create and again on every update. */
  void applyDefaults(T object) {
  }

  /** PrepareForCreate (and default admission) beyond defaults and the status reset. */
  void onCreate(T object) {
  }

  /** PrepareForUpdate beyond defaults and carrying the status forward. */
  void onUpdate(T object, T old) {
  }

  /** Extra status-update preparation after everything but status came from the old object. */
  void onStatusUpdate(T object, T old) {
  }

  /** The kind's rules for the object itself (not metadata), on create and update. */
  List<FieldError> validateObject(T object) {
    return List.of();
  }

  /** The object's own rules as checked on update; the create rules unless a kind relaxes them. */
  List<FieldError> validateUpdateObject(T object, T old) {
    return validateObject(object);
  }

  /** What may not change, or may change only in some ways, from {@code old}. */
  List<FieldError> validateTransition(T object, T old) {
    return List.of();
  }

  @Override
  public final void prepareForCreate(T object) {
    ensureMetadata(object);
    applyDefaults(object);
    if (status != null) {
      status.onCreate(object);
    }
    onCreate(object);
  }

  @Override
  public final void prepareForUpdate(T object, T old) {
    ensureMetadata(object);
    applyDefaults(object);
    if (status != null) {
      status.carryForward(object, old);
    }
    onUpdate(object, old);
  }

  @Override
  public final void prepareForStatusUpdate(T object, T old) {
    if (status == null) {
      throw new UnsupportedOperationException(resourceType.groupResource() + " has no status subresource");
    }
    status.keepOnlyStatus(object, old);
    onStatusUpdate(object, old);
  }

  /** Kinds with a finalize subresource (namespaces) override this. */
  @Override
  public void prepareForFinalizeUpdate(T object, T old) {
    throw new UnsupportedOperationException(resourceType.groupResource() + " has no finalize subresource");
  }

  // without metadata there is nothing more to say than ObjectMetaValidation's "name is required"
  @Override
  public final List<FieldError> validate(T object) {
    return object.getMetadata() == null ? List.of() : validateObject(object);
  }

  @Override
  public final List<FieldError> validateUpdate(T object, T old) {
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validateUpdate(metadata(object), metadata(old)));
    if (object.getMetadata() != null && old.getMetadata() != null) {
      errors.addAll(validateUpdateObject(object, old));
      errors.addAll(validateTransition(object, old));
    }
    return errors;
  }

  private static void ensureMetadata(HasMetadata object) {
    if (object.getMetadata() == null) {
      object.setMetadata(new ObjectMeta());
    }
  }

  private static ObjectMeta metadata(HasMetadata object) {
    return object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
  }
}
